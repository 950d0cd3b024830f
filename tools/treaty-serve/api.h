// What treaty-serve answers: the page's files and the JSON API, over one Searcher.
//
//   GET /                       the search page (and /app.js, /style.css)
//   GET /api/search?q=&n=&offset=&sort=&committee=&state=&type=&year=&lang=&symbol=&para=
//                   &cites=&cited_by=&grade=&facets=&group=&parallel=
//                               treaty-search --format json's object
//   GET /api/show?citation=&context=      the passage with its neighbours (--show)
//   GET /api/like?citation=&n=&offset=&<filters>   similar passages (--like)
//   GET /api/history?citation=&lang=&<filters>     the recommendation's history (--history)
// Repeatable parameters (committee, state, type, lang, symbol, para, cites, cited_by, grade)
// may be given several times. A bad request gets a 4xx and {"error": "<what is wrong>"}.
#pragma once

#include <string>

#include "http_server.h"
#include "treatysearch/search.h"

namespace treatysearch::serve {

// Answers a request from `searcher`, opened on `index_dir`. Thread-safe (Searcher is); never
// throws for a bad request. Error messages leave out the index's folder: a client has no use
// for where the server keeps it.
HttpResponse answer(const Searcher& searcher, const std::string& index_dir,
                    const HttpRequest& request);

}  // namespace treatysearch::serve
