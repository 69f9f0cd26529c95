// Host types shared by the API tests.
#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include "rhai/rhai.hpp"

namespace api_test {

// Writes `text` to a fresh temp folder `dir` as `name`; returns the file's path.
inline std::filesystem::path write_temp_script(const std::string& dir, const std::string& name,
                                               const std::string& text) {
    auto folder = std::filesystem::temp_directory_path() / dir;
    std::filesystem::create_directories(folder);
    auto file = folder / name;
    std::ofstream(file) << text;
    return file;
}

struct Point {
    rhai::INT x = 0;
    rhai::INT y = 0;
    bool operator==(const Point&) const = default;
    rhai::INT sum() const { return x + y; }
    void shift(rhai::INT d) {
        x += d;
        y += d;
    }
};

// Counts live instances, to check that custom values held by Dynamic are freed.
struct Tracked {
    static inline std::atomic<int> live{0};
    int payload = 0;
    Tracked() { ++live; }
    explicit Tracked(int p) : payload(p) { ++live; }
    Tracked(const Tracked& o) : payload(o.payload) { ++live; }
    ~Tracked() { --live; }
};

// An engine with Point registered the way the docs show it.
inline void register_point(rhai::Engine& engine) {
    engine.register_type_with_name<Point>("Point")
        .register_fn("point", [](rhai::INT x, rhai::INT y) { return Point{x, y}; })
        .register_get_set(
            "x", [](const Point& p) { return p.x; }, [](Point& p, rhai::INT v) { p.x = v; })
        .register_get_set(
            "y", [](const Point& p) { return p.y; }, [](Point& p, rhai::INT v) { p.y = v; })
        .register_fn("sum", &Point::sum)
        .register_fn("shift", &Point::shift)
        .register_fn("to_string", [](const Point& p) {
            return std::string("(").append(std::to_string(p.x)) + ", " + std::to_string(p.y) + ")";
        });
}

// Collects print() output.
struct PrintLog {
    std::vector<std::string> lines;
    void attach(rhai::Engine& engine) {
        engine.on_print([this](std::string_view s) { lines.emplace_back(s); });
    }
};

}  // namespace api_test
