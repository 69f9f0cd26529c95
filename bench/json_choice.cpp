// json_choice: the measurement behind the C ABI's JSON library (docs/c-abi.md, "Why RapidJSON").
// Two Debian-packaged libraries, rapidjson-dev and nlohmann-json3-dev, on the shapes the ABI
// moves: an argument array "[a,b]" (encode), a success envelope (parse + read "status" and
// "value"), and a 1,000-element array of user maps (parse + re-serialize). Prints ns per
// operation for each. Built with the `bench` preset when nlohmann-json3-dev is installed.
#include <chrono>
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace {

volatile size_t sink;  // keeps results alive so the optimizer cannot drop the work

template <class F>
double ns_per_op(long n, F&& f) {
    auto best = std::chrono::nanoseconds::max();
    for (int run = 0; run < 5; ++run) {
        auto t0 = std::chrono::steady_clock::now();
        for (long i = 0; i < n; ++i) f(i);
        best = std::min(best, std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - t0));
    }
    return double(best.count()) / double(n);
}

std::string users_json(int count) {
    std::string s = "[";
    for (int i = 0; i < count; ++i) {
        if (i) s += ",";
        s += "{\"id\":" + std::to_string(i) + ",\"name\":\"User " + std::to_string(i) +
             "\",\"email\":\"u" + std::to_string(i) + "@example.com\",\"score\":" + std::to_string(i) + ".5}";
    }
    return s + "]";
}

void rapidjson_suite(const std::string& envelope, const std::string& users) {
    double enc = ns_per_op(1000000, [](long i) {
        rapidjson::StringBuffer buf;
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        w.StartArray();
        w.Int64(i);
        w.Int64(2);
        w.EndArray();
        sink = buf.GetSize();
    });
    double env = ns_per_op(1000000, [&](long) {
        rapidjson::Document d;
        d.Parse(envelope.data(), envelope.size());
        sink = d["status"].GetStringLength() + size_t(d["value"].GetInt64());
    });
    double big = ns_per_op(200, [&](long) {
        rapidjson::Document d;
        d.Parse(users.data(), users.size());
        rapidjson::StringBuffer buf;
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        d.Accept(w);
        sink = buf.GetSize();
    });
    std::printf("rapidjson  args_encode_ns=%.0f envelope_parse_ns=%.0f users1000_roundtrip_us=%.1f\n", enc, env,
                big / 1000);
}

void nlohmann_suite(const std::string& envelope, const std::string& users) {
    double enc = ns_per_op(1000000, [](long i) {
        nlohmann::json a = nlohmann::json::array({i, 2});
        sink = a.dump().size();
    });
    double env = ns_per_op(1000000, [&](long) {
        auto d = nlohmann::json::parse(envelope);
        sink = d["status"].get_ref<const std::string&>().size() + size_t(d["value"].get<int64_t>());
    });
    double big = ns_per_op(200, [&](long) {
        auto d = nlohmann::json::parse(users);
        sink = d.dump().size();
    });
    std::printf("nlohmann   args_encode_ns=%.0f envelope_parse_ns=%.0f users1000_roundtrip_us=%.1f\n", enc, env,
                big / 1000);
}

}  // namespace

int main() {
    const std::string envelope = "{\"status\":\"success\",\"value\":42}";
    const std::string users = users_json(1000);
    rapidjson_suite(envelope, users);
    nlohmann_suite(envelope, users);
}
