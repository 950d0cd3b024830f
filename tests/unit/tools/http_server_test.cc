// treaty-serve's HTTP server with handlers made for the test: the time limit on an answer, the
// caps on waiting requests and open connections, and a handler's exception, each giving its
// status while the server keeps serving.
#include "http_server.h"

#include <gtest/gtest.h>

#include <utility>  // before Asio: Boost 1.74's awaitable.hpp uses std::exchange unincluded

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace treatysearch::serve {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

// A server on a free port of 127.0.0.1, run on its own thread for the test's lifetime.
class RunningServer {
 public:
  RunningServer(ServerLimits limits, Handler handler, std::size_t threads = 2)
      : server_("127.0.0.1", 0, threads, limits, std::move(handler)),
        thread_([this] { server_.run(); }) {}
  ~RunningServer() {
    server_.stop();
    thread_.join();
  }
  unsigned short port() const { return server_.port(); }

 private:
  HttpServer server_;
  std::thread thread_;
};

// A connection to the server, kept open between requests.
class Client {
 public:
  explicit Client(unsigned short port) : stream_(io_) {
    stream_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }
  // The status of GET target, or 0 when the server closed the connection without one.
  int get(const std::string& target) {
    http::request<http::empty_body> request(http::verb::get, target, 11);
    request.set(http::field::host, "127.0.0.1");
    http::write(stream_, request);
    return read_status();
  }
  int read_status() {
    http::response<http::string_body> response;
    beast::error_code ec;
    http::read(stream_, buffer_, response, ec);
    if (ec) return 0;
    body_ = response.body();
    return response.result_int();
  }
  const std::string& body() const { return body_; }

 private:
  asio::io_context io_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::string body_;
};

HttpResponse ok(const std::string& body = "{}") {
  HttpResponse response;
  response.body = body;
  return response;
}

// Holds handlers until released, so that a test decides when they answer.
class Gate {
 public:
  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    ++waiting_;
    changed_.notify_all();
    changed_.wait(lock, [this] { return open_; });
  }
  void wait_for_waiting(int count) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return waiting_ >= count; });
  }
  void open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int waiting_ = 0;
  bool open_ = false;
};

TEST(HttpServer, AnswersWithTheHandlersResponseAndSecurityHeaders) {
  RunningServer server({}, [](const HttpRequest& request) {
    return ok("{\"path\": \"" + request.path + "\", \"query\": \"" + request.query + "\"}");
  });
  Client client(server.port());
  EXPECT_EQ(client.get("/api/x?q=a+b"), 200);
  EXPECT_EQ(client.body(), "{\"path\": \"/api/x\", \"query\": \"q=a+b\"}");
  EXPECT_EQ(client.get("/second?on=the+same+connection"), 200);
  ASSERT_FALSE(security_headers().empty());
}

TEST(HttpServer, AnAnswerOverTheTimeLimitGets503AndTheServerGoesOn) {
  ServerLimits limits;
  limits.request_timeout = std::chrono::milliseconds(200);
  Gate gate;
  RunningServer server(limits, [&gate](const HttpRequest& request) {
    if (request.path == "/slow") gate.wait();
    return ok();
  });
  Client slow(server.port());
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(slow.get("/slow"), 503);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
  EXPECT_NE(slow.body().find("took too long"), std::string::npos);
  gate.open();
  Client next(server.port());
  EXPECT_EQ(next.get("/fast"), 200);
}

TEST(HttpServer, RequestsBeyondTheQueueCapGet503) {
  ServerLimits limits;
  limits.max_pending = 2;
  Gate gate;
  RunningServer server(limits, [&gate](const HttpRequest& request) {
    if (request.path == "/hold") gate.wait();
    return ok();
  });
  // Two requests held by the handler fill the queue (N); the third is refused (N+1).
  std::vector<std::thread> held;
  std::atomic<int> held_status_sum{0};
  for (int k = 0; k < 2; ++k)
    held.emplace_back([&] { held_status_sum += Client(server.port()).get("/hold"); });
  gate.wait_for_waiting(2);
  Client third(server.port());
  EXPECT_EQ(third.get("/other"), 503);
  EXPECT_NE(third.body().find("busy"), std::string::npos);
  gate.open();
  for (std::thread& t : held) t.join();
  EXPECT_EQ(held_status_sum, 400);  // both answered 200 once released
  EXPECT_EQ(Client(server.port()).get("/other"), 200);
}

TEST(HttpServer, ConnectionsBeyondTheCapGet503AndAreClosed) {
  ServerLimits limits;
  limits.max_connections = 2;
  RunningServer server(limits, [](const HttpRequest&) { return ok(); });
  Client first(server.port());
  Client second(server.port());
  EXPECT_EQ(first.get("/"), 200);
  EXPECT_EQ(second.get("/"), 200);
  Client third(server.port());  // the third open connection
  EXPECT_EQ(third.read_status(), 503);
  EXPECT_NE(third.body().find("too many connections"), std::string::npos);
}

TEST(HttpServer, AHandlersExceptionIsA500AndTheServerGoesOn) {
  RunningServer server({}, [](const HttpRequest& request) -> HttpResponse {
    if (request.path == "/throw") throw std::runtime_error("broken handler");
    return ok();
  });
  Client client(server.port());
  EXPECT_EQ(client.get("/throw"), 500);
  EXPECT_EQ(client.body().find("broken handler"), std::string::npos) << "no internals shown";
  EXPECT_EQ(Client(server.port()).get("/fine"), 200);
}

TEST(HttpServer, AnAddressItCannotBindIsAnErrorNamingIt) {
  EXPECT_THROW(HttpServer("not-an-address", 0, 1, {}, [](const HttpRequest&) { return ok(); }),
               std::runtime_error);
  RunningServer taken({}, [](const HttpRequest&) { return ok(); });
  try {
    HttpServer second("127.0.0.1", taken.port(), 1, {}, [](const HttpRequest&) { return ok(); });
    FAIL() << "bound a port in use";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:" + std::to_string(taken.port())),
              std::string::npos);
  }
}

}  // namespace
}  // namespace treatysearch::serve
