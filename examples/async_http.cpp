// A C++ host on a real event loop (standalone Asio) whose scripts call an async host function
// that performs a real HTTP GET:
//
//     let user = fetch_user("123");
//     user.name + " (" + user.email + ")"
//
// Everything runs on one thread, the loop's: the script suspends at fetch_user, the loop goes
// on with other work (here: serving the HTTP request itself, and 1,000 other scripts), and the
// script resumes inside the read handler that completes the call. Deadlines are driven by one
// steady_timer armed at Engine::next_deadline(). No thread per script, no polling.
//
// The example starts its own loopback HTTP server (GET /users/<id> answers after a delay, so
// the overlap of many scripts' waits is visible; /users/404 answers 404).
//
//   example_async_http [--scripts N]     (default 1000)
#include <asio.hpp>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <memory>
#include <string>

#include "rhai/engine.hpp"

using asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr auto kServerDelay = 50ms;  // how long the server takes per request

// ---- the loopback HTTP server -------------------------------------------------------------

class HttpSession : public std::enable_shared_from_this<HttpSession> {
public:
    explicit HttpSession(tcp::socket socket) : socket_(std::move(socket)), timer_(socket_.get_executor()) {}
    void start() {
        auto self = shared_from_this();
        asio::async_read_until(socket_, request_, "\r\n\r\n", [self](std::error_code ec, size_t) {
            if (!ec) self->answer_later();
        });
    }

private:
    void answer_later() {
        std::istream in(&request_);
        std::string method, path;
        in >> method >> path;
        timer_.expires_after(kServerDelay);
        auto self = shared_from_this();
        timer_.async_wait([self, path](std::error_code) { self->respond(path); });
    }
    void respond(const std::string& path) {
        std::string id = path.rfind("/users/", 0) == 0 ? path.substr(7) : "";
        std::string status = "200 OK", body;
        if (id == "123") body = R"({"name": "Ada Lovelace", "email": "ada@example.com"})";
        else if (id.empty() || id == "404") status = "404 Not Found", body = R"({"error": "no such user"})";
        else body = R"({"name": "User )" + id + R"(", "email": "user)" + id + R"(@example.com"})";
        response_ = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                    std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        auto self = shared_from_this();
        asio::async_write(socket_, asio::buffer(response_), [self](std::error_code, size_t) {
            std::error_code ignored;
            self->socket_.shutdown(tcp::socket::shutdown_both, ignored);
        });
    }
    tcp::socket socket_;
    asio::steady_timer timer_;
    asio::streambuf request_;
    std::string response_;
};

void accept_forever(tcp::acceptor& acceptor) {
    acceptor.async_accept([&acceptor](std::error_code ec, tcp::socket socket) {
        if (!ec) std::make_shared<HttpSession>(std::move(socket))->start();
        if (acceptor.is_open()) accept_forever(acceptor);
    });
}

// ---- the async HTTP client the host function uses -----------------------------------------

struct HttpResult {
    std::error_code error;
    int status = 0;
    std::string body;
};

class HttpGet : public std::enable_shared_from_this<HttpGet> {
public:
    using Handler = std::function<void(HttpResult)>;
    HttpGet(asio::io_context& io, tcp::endpoint server, std::string path, Handler done)
        : socket_(io), server_(server), path_(std::move(path)), done_(std::move(done)) {}
    void start() {
        auto self = shared_from_this();
        socket_.async_connect(server_, [self](std::error_code ec) {
            if (ec) return self->finish(ec);
            self->request_ = "GET " + self->path_ + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            asio::async_write(self->socket_, asio::buffer(self->request_), [self](std::error_code ec, size_t) {
                if (ec) return self->finish(ec);
                asio::async_read(self->socket_, self->response_, asio::transfer_all(),
                                 [self](std::error_code ec, size_t) {
                                     self->finish(ec == asio::error::eof ? std::error_code() : ec);
                                 });
            });
        });
    }
    // The host's side of cancellation: the script no longer waits, so stop the I/O.
    void cancel() {
        std::error_code ignored;
        socket_.close(ignored);
    }

private:
    void finish(std::error_code ec) {
        if (!done_) return;
        HttpResult r;
        r.error = ec;
        if (!ec) {
            std::string all((std::istreambuf_iterator<char>(&response_)), std::istreambuf_iterator<char>());
            if (all.rfind("HTTP/1.1 ", 0) == 0) r.status = std::atoi(all.c_str() + 9);
            size_t at = all.find("\r\n\r\n");
            if (at != std::string::npos) r.body = all.substr(at + 4);
        }
        Handler h = std::move(done_);
        done_ = nullptr;
        h(std::move(r));
    }
    tcp::socket socket_;
    tcp::endpoint server_;
    std::string path_, request_;
    asio::streambuf response_;
    Handler done_;
};

// ---- deadlines: one timer at the engine's next deadline ------------------------------------

class DeadlinePump {
public:
    DeadlinePump(asio::io_context& io, rhai::Engine& engine) : timer_(io), engine_(engine) {}
    // Call after anything that may add or remove a deadline.
    void rearm() {
        std::optional<rhai::TimePoint> next = engine_.next_deadline();
        if (!next || (armed_ && *armed_ == *next)) return;
        armed_ = next;
        timer_.expires_at(*next);
        timer_.async_wait([this](std::error_code ec) {
            if (ec) return;  // re-armed or stopped
            armed_.reset();
            engine_.expire();
            rearm();
        });
    }
    void stop() { timer_.cancel(); }

private:
    asio::steady_timer timer_;
    rhai::Engine& engine_;
    std::optional<rhai::TimePoint> armed_;
};

}  // namespace

int main(int argc, char** argv) {
    size_t scripts = 1000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--scripts") == 0 && i + 1 < argc) scripts = std::strtoull(argv[++i], nullptr, 10);
        else {
            std::cerr << "usage: example_async_http [--scripts N]\n";
            return 2;
        }
    }
    asio::io_context io;
    tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
    tcp::endpoint server = acceptor.local_endpoint();
    accept_forever(acceptor);

    rhai::Engine engine;
    DeadlinePump deadlines(io, engine);
    engine.set_call_timeout(5s);  // a fetch that takes longer raises a catchable timeout

    // The async host function: starts a real HTTP GET and returns; the script waits.
    engine.register_async_fn("fetch_user", [&](rhai::Completion done, std::string id) {
        auto get = std::make_shared<HttpGet>(io, server, "/users/" + id, [done](HttpResult r) {
            if (r.error) done.reject("HTTP request failed: " + r.error.message());
            else if (r.status != 200) done.reject("HTTP " + std::to_string(r.status));
            else {
                try {
                    done.resolve(rhai::Engine::parse_json(r.body));
                } catch (const rhai::EvalError& e) {
                    done.reject(e);
                }
            }
        });
        done.on_cancel([get](rhai::CancelReason) { get->cancel(); });
        get->start();
        deadlines.rearm();
    });

    int failures = 0;

    // 1. The original design's script.
    rhai::Task first = engine.eval_async(R"rhai(
        let user = fetch_user("123");
        user.name + " (" + user.email + ")"
    )rhai");
    std::cout << "task " << first.id() << " is " << rhai::task_status_name(first.status()) << " on fetch_user\n";
    int finished = 0;
    first.on_complete([&](const rhai::Task& t) {
        if (t.status() == rhai::TaskStatus::Done) std::cout << "result: " << t.result<std::string>() << "\n";
        else ++failures, std::cout << "failed: " << t.error()->what() << "\n";
        if (++finished == 2) io.stop();
    });

    // 2. A failing request: the script catches the host's rejection.
    rhai::Task missing = engine.eval_async(R"(
        let r = "";
        try { fetch_user("404"); } catch (e) { r = "caught: " + e.message; }
        r
    )");
    missing.on_complete([&](const rhai::Task& t) {
        std::cout << "missing user: " << t.result<std::string>() << "\n";
        if (++finished == 2) io.stop();
    });
    io.run_for(10s);  // io.stop() when both have finished
    if (!first.finished() || !missing.finished()) {
        std::cout << "the first scripts did not finish\n";
        return 1;
    }

    // 3. Many scripts at once: their waits overlap, so the whole batch takes about one server
    //    delay per sequential fetch, not one per script.
    rhai::AST batch = engine.compile(R"(
        let user = fetch_user(id);
        let again = fetch_user(id + "0");
        user.name.len() + again.name.len()
    )");
    size_t done_count = 0, ok = 0;
    auto start = std::chrono::steady_clock::now();
    std::vector<rhai::Task> tasks;
    std::vector<rhai::Scope> scopes(scripts);
    for (size_t i = 0; i < scripts; ++i) {
        scopes[i].push("id", std::to_string(1000 + i));
        rhai::Task t = engine.eval_ast_async_with_scope(scopes[i], batch);
        t.on_complete([&, i](const rhai::Task& t) {
            ++done_count;
            // "User 1000" + "User 10000": 9 + 10 characters
            if (t.status() == rhai::TaskStatus::Done && t.result<rhai::INT>() == 19) ++ok;
            else if (t.error()) std::cout << "script " << i << " failed: " << t.error()->what() << "\n";
            if (done_count == scripts) io.stop();
        });
        tasks.push_back(t);
    }
    io.restart();
    io.run_for(60s);
    auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::cout << scripts << " scripts, 2 sequential fetches each: " << ok << " succeeded in " << took.count()
              << " ms (the server takes " << kServerDelay.count() << " ms per request)\n";
    bool overlapped = took < kServerDelay * 2 * 20;  // far less than running them one after another
    std::cout << (overlapped ? "waits overlapped" : "waits did NOT overlap") << "\n";
    return failures == 0 && ok == scripts && overlapped ? 0 : 1;
}
