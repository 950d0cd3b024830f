// treaty-serve: the search page and the JSON API over HTTP, from one index, read-only.
#include <boost/program_options.hpp>

#include <iostream>
#include <string>
#include <thread>

#include "api.h"
#include "cli_common.h"
#include "http_server.h"
#include "treatysearch/error.h"
#include "treatysearch/search.h"

namespace po = boost::program_options;
using namespace treatysearch;

namespace {

constexpr const char* kTool = "treaty-serve";

constexpr const char* kUsage = R"usage(Usage: treaty-serve [OPTIONS]

Serves the search page and the JSON API of an index over HTTP, read-only: open the address it
prints in a browser. Each request sees the index's latest commit, so treaty-index may update
the index while it serves. It listens on 127.0.0.1 (this machine only) unless --listen says
otherwise; it has no authentication: put it behind a proxy before opening it to a network.

API (JSON, as treaty-search --format json prints it; a bad request gets a 4xx and {"error"}):
  /api/search?q=hate+speech&committee=CERD&n=10&offset=0&sort=relevance&facets=1
  /api/show?citation=CERD/C/KAZ/CO/8-10,+para.+18+(b)&context=2
  /api/like?citation=...    /api/history?citation=...
Parameters: q n offset sort committee state type year lang symbol para cites cited_by grade
facets group parallel (repeat a filter to give several values).

Options)usage";

// "127.0.0.1:8080", "[::1]:8080", ":8080" (127.0.0.1). False for anything else.
bool parse_listen(const std::string& text, std::string* address, unsigned short* port) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos) return false;
  std::string host = text.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  try {
    *port =
        static_cast<unsigned short>(cli::read_number("--listen", text.substr(colon + 1), 0, 65535));
  } catch (const po::error&) {
    return false;
  }
  *address = host.empty() ? "127.0.0.1" : host;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  cli::IndexChoice index;
  std::string listen = "127.0.0.1:8080";
  std::size_t threads = std::max(2u, std::thread::hardware_concurrency());
  serve::ServerLimits limits;
  std::size_t request_seconds = 10;
  std::size_t header_seconds = 10;
  po::options_description options(kUsage);
  options.add_options()("help,h", "print this help and exit");
  cli::add_index_options(&options, &index);
  options.add_options()("listen", po::value(&listen)->default_value(listen),
                        "address and port to listen on (port 0: any free port, printed)")(
      "threads", cli::number_value("--threads", &threads, std::size_t{1}, std::size_t{256}),
      "threads answering requests")(
      "request-seconds",
      cli::number_value("--request-seconds", &request_seconds, std::size_t{1}, std::size_t{600}),
      "a request not answered within this time gets 503")(
      "header-seconds",
      cli::number_value("--header-seconds", &header_seconds, std::size_t{1}, std::size_t{600}),
      "a request whose head has not arrived within this time gets 408 (and an idle connection "
      "is closed)")("max-connections",
                    cli::number_value("--max-connections", &limits.max_connections, std::size_t{1},
                                      std::size_t{100000}),
                    "open connections at most (a further one gets 503)");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, options), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    cli::print_error(kTool, std::string(e.what()) + " (see treaty-serve --help)");
    return cli::kExitError;
  }
  if (vm.count("help")) {
    std::cout << options << '\n';
    return cli::kExitOk;
  }
  std::string address;
  unsigned short port = 0;
  if (!parse_listen(listen, &address, &port)) {
    cli::print_error(kTool,
                     "--listen '" + listen + "': expected ADDRESS:PORT, e.g. 127.0.0.1:8080");
    return cli::kExitError;
  }
  if (const std::string conflict = cli::settle_index_choice(&index); !conflict.empty()) {
    cli::print_error(kTool, conflict);
    return cli::kExitError;
  }
  limits.request_timeout = std::chrono::seconds(request_seconds);
  limits.header_timeout = std::chrono::seconds(header_seconds);
  limits.max_pending = threads * 16;

  try {
    const Searcher searcher = cli::open_searcher(index);
    serve::HttpServer server(address, port, threads, limits,
                             [&searcher](const serve::HttpRequest& request) {
                               return serve::answer(searcher, searcher.name(), request);
                             });
    const std::string host = address.find(':') == std::string::npos ? address : "[" + address + "]";
    std::cout << "treaty-serve: serving " << cli::printable(searcher.name()) << " at http://"
              << host << ':' << server.port() << "/ (Ctrl-C stops)" << std::endl;
    server.run();
    return cli::kExitOk;
  } catch (const Error& e) {
    cli::print_error(kTool, e.what());
  } catch (const std::exception& e) {
    cli::print_error(kTool, e.what());
  }
  return cli::kExitError;
}
