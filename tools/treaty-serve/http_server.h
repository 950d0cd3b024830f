// A small HTTP/1.1 server on Boost.Beast for treaty-serve: GET requests only, each handed to a
// handler on a pool of worker threads, under explicit limits.
//
// Why Beast and not cpp-httplib (both in Debian 12): cpp-httplib gives each connection a thread
// of its pool for as long as it stays open, so a few slow clients (slowloris) hold every thread;
// and it answers an over-long request line or header block in its own way. Beast reads on one
// asynchronous I/O thread, whatever the number of open connections, lets this file decide every
// limit and the status it gets (414, 431, 413, 408, 503), and keeps the blocking searches on a
// separate pool.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace treatysearch::serve {

struct HttpRequest {
  std::string path;   // the target before '?', as sent (not decoded)
  std::string query;  // the target after '?', as sent (not decoded)
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // added to the server's own
};

struct ServerLimits {
  std::size_t max_request_line_bytes = 8192;  // method, target and version: 414 beyond
  std::size_t max_header_bytes = 16384;       // the whole request head: 431 beyond
  std::size_t max_body_bytes = 1024;          // a GET needs none: 413 beyond
  // The whole request head must arrive within this time (a client sending a byte now and then
  // is closed when it runs out); an idle keep-alive connection is closed after it too.
  std::chrono::milliseconds header_timeout{10000};
  // A handler that has not answered within this time gets 503 for its client.
  std::chrono::milliseconds request_timeout{10000};
  std::size_t max_connections = 512;  // open connections: a further one gets 503 and is closed
  std::size_t max_pending = 64;       // requests queued or running: a further one gets 503
};

// Builds the response to a request. Called on a worker thread, concurrently with other calls;
// an exception it throws becomes a 500 whose body names it.
using Handler = std::function<HttpResponse(const HttpRequest&)>;

// A response with `status` and the JSON body {"error": message} (message escaped as JSON
// requires; bytes that are not UTF-8 replaced).
HttpResponse error_response(int status, std::string_view message);

// Headers every response carries: the page is self-contained and never framed, nothing is
// sniffed or leaked to another site.
std::vector<std::pair<std::string, std::string>> security_headers();

class HttpServer {
 public:
  // Binds `address`:`port` (port 0: any free port, see port()). Throws std::runtime_error naming
  // the address when it cannot be bound.
  HttpServer(const std::string& address, unsigned short port, std::size_t worker_threads,
             ServerLimits limits, Handler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  unsigned short port() const;

  // Serves until stop() or SIGINT/SIGTERM; then waits for the requests being handled.
  void run();

  // Stops run(). Thread-safe.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace treatysearch::serve
