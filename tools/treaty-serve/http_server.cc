#include "http_server.h"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <nlohmann/json.hpp>

#include <atomic>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace treatysearch::serve {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::vector<std::pair<std::string, std::string>> security_headers() {
  return {
      {"Content-Security-Policy",
       "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"},
      {"X-Content-Type-Options", "nosniff"},
      {"X-Frame-Options", "DENY"},
      {"Referrer-Policy", "no-referrer"},
      {"Cross-Origin-Opener-Policy", "same-origin"},
      {"Cross-Origin-Resource-Policy", "same-origin"},
  };
}

HttpResponse error_response(int status, std::string_view message) {
  HttpResponse response;
  response.status = status;
  const nlohmann::json body{{"error", message}};
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  return response;
}

namespace {

// What the server shares with its sessions: limits, handler, worker pool, counters.
struct Shared {
  ServerLimits limits;
  Handler handler;
  asio::thread_pool workers;
  std::atomic<std::size_t> connections{0};
  std::atomic<std::size_t> pending{0};

  Shared(ServerLimits l, Handler h, std::size_t threads)
      : limits(l), handler(std::move(h)), workers(threads) {}
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket socket, std::shared_ptr<Shared> shared)
      : stream_(std::move(socket)),
        shared_(std::move(shared)),
        buffer_(shared_->limits.max_header_bytes + shared_->limits.max_body_bytes + 1),
        timer_(stream_.get_executor()) {
    ++shared_->connections;
  }
  ~Session() { --shared_->connections; }

  void start() { read_request(); }

  // A connection over the limit: answered at once and closed.
  void refuse() { respond(error_response(503, "too many connections; try again"), /*close=*/true); }

 private:
  void read_request() {
    parser_.emplace();
    parser_->header_limit(static_cast<std::uint32_t>(shared_->limits.max_header_bytes));
    parser_->body_limit(shared_->limits.max_body_bytes);
    stream_.expires_after(shared_->limits.header_timeout);
    http::async_read(stream_, buffer_, *parser_,
                     beast::bind_front_handler(&Session::on_read, shared_from_this()));
  }

  void on_read(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec == http::error::end_of_stream || ec == asio::error::connection_reset ||
        ec == asio::error::eof || ec == asio::error::operation_aborted) {
      return close();
    }
    if (ec == beast::error::timeout) {
      // Nothing received: an idle keep-alive connection ends quietly.
      if (buffer_.size() == 0 && !parser_->got_some()) return close();
      return respond(error_response(408, "the request did not arrive in time"), true);
    }
    if (ec == http::error::header_limit || ec == http::error::buffer_overflow) {
      return request_line_too_long()
                 ? respond(error_response(414, "request line too long"), true)
                 : respond(error_response(431, "request header fields too large"), true);
    }
    if (ec == http::error::body_limit) {
      return respond(error_response(413, "request body too large"), true);
    }
    if (ec) return respond(error_response(400, "malformed HTTP request"), true);

    const auto& request = parser_->get();
    const beast::string_view target = request.target();
    if (target.size() > shared_->limits.max_request_line_bytes)
      return respond(error_response(414, "request line too long"), true);
    const bool keep_alive = request.keep_alive();
    if (request.method() != http::verb::get) {
      HttpResponse refused = error_response(405, "only GET is served");
      refused.headers.emplace_back("Allow", "GET");
      return respond(std::move(refused), !keep_alive);
    }
    HttpRequest parsed;
    const std::string whole(target.data(), target.size());
    const std::size_t question = whole.find('?');
    parsed.path = whole.substr(0, question);
    if (question != std::string::npos) parsed.query = whole.substr(question + 1);
    handle(std::move(parsed), keep_alive);
  }

  // Whether the head went over its limit before its request line ended (the parser keeps the
  // target once it has read the whole line; then the fields are what is too large).
  bool request_line_too_long() const { return parser_->get().target().empty(); }

  void handle(HttpRequest request, bool keep_alive) {
    if (shared_->pending.fetch_add(1) >= shared_->limits.max_pending) {
      --shared_->pending;
      return respond(error_response(503, "the server is busy; try again"), !keep_alive);
    }
    const std::uint64_t generation = ++generation_;
    answered_ = false;
    timer_.expires_after(shared_->limits.request_timeout);
    timer_.async_wait([self = shared_from_this(), generation](beast::error_code ec) {
      if (ec || self->generation_ != generation || self->answered_) return;
      self->answered_ = true;
      self->respond(error_response(503, "the request took too long"), true);
    });
    stream_.expires_never();  // the request timer governs while the handler works
    asio::post(shared_->workers,
               [self = shared_from_this(), request = std::move(request), generation, keep_alive]() {
                 HttpResponse response;
                 try {
                   response = self->shared_->handler(request);
                 } catch (const std::exception& e) {
                   // The handler answers every error it knows; this is a bug, reported where it is
                   // seen.
                   std::fprintf(stderr, "treaty-serve: internal error on %s: %s\n",
                                request.path.c_str(), e.what());
                   response = error_response(500, "internal error");
                 }
                 --self->shared_->pending;
                 asio::post(self->stream_.get_executor(), [self, response = std::move(response),
                                                           generation, keep_alive]() mutable {
                   if (self->generation_ != generation || self->answered_) return;
                   self->answered_ = true;
                   self->timer_.cancel();
                   self->respond(std::move(response), !keep_alive);
                 });
               });
  }

  void respond(HttpResponse answer, bool close_after) {
    auto response = std::make_shared<http::response<http::string_body>>();
    response->version(11);
    response->result(static_cast<unsigned>(answer.status));
    response->set(http::field::server, "treaty-serve");
    response->set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : security_headers()) response->set(name, value);
    for (const auto& [name, value] : answer.headers) response->set(name, value);
    response->keep_alive(!close_after);
    response->body() = std::move(answer.body);
    response->prepare_payload();
    close_after_ = close_after;
    stream_.expires_after(shared_->limits.header_timeout);  // a client that never reads
    http::async_write(stream_, *response,
                      [self = shared_from_this(), response](beast::error_code ec, std::size_t) {
                        if (ec || self->close_after_) return self->close();
                        self->read_request();
                      });
  }

  void close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream_.close();
  }

  beast::tcp_stream stream_;
  std::shared_ptr<Shared> shared_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>>
      parser_;  // a body, if any, is read and ignored
  asio::steady_timer timer_;
  std::uint64_t generation_ = 0;  // of the request being handled (stale answers are dropped)
  bool answered_ = false;
  bool close_after_ = false;
};

}  // namespace

struct HttpServer::Impl {
  asio::io_context io{1};
  tcp::acceptor acceptor{io};
  asio::signal_set signals{io, SIGINT, SIGTERM};
  std::shared_ptr<Shared> shared;

  void accept() {
    acceptor.async_accept(asio::make_strand(io), [this](beast::error_code ec, tcp::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (!ec) {
        auto session = std::make_shared<Session>(std::move(socket), shared);
        if (shared->connections > shared->limits.max_connections) {
          session->refuse();
        } else {
          session->start();
        }
      }
      accept();
    });
  }
};

HttpServer::HttpServer(const std::string& address, unsigned short port, std::size_t worker_threads,
                       ServerLimits limits, Handler handler)
    : impl_(std::make_unique<Impl>()) {
  impl_->shared = std::make_shared<Shared>(limits, std::move(handler), worker_threads);
  beast::error_code ec;
  const asio::ip::address ip = asio::ip::make_address(address, ec);
  if (ec) throw std::runtime_error("'" + address + "' is not an IP address");
  const tcp::endpoint endpoint(ip, port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec)
    throw std::runtime_error("cannot listen on " + address + ":" + std::to_string(port) + ": " +
                             ec.message());
}

HttpServer::~HttpServer() = default;

unsigned short HttpServer::port() const { return impl_->acceptor.local_endpoint().port(); }

void HttpServer::run() {
  impl_->signals.async_wait([this](beast::error_code, int) { stop(); });
  impl_->accept();
  impl_->io.run();
  impl_->shared->workers.join();
}

void HttpServer::stop() {
  asio::post(impl_->io, [this]() {
    beast::error_code ignored;
    impl_->acceptor.close(ignored);
    impl_->signals.cancel(ignored);
    impl_->io.stop();
  });
}

}  // namespace treatysearch::serve
