// rhai-run --demo-async: runs the files as tasks of the public async API (demo_async.cpp).
#pragma once

#include <functional>
#include <string_view>

#include "deadline.hpp"
#include "options.hpp"

namespace rhai_run {

struct DemoOutput {
    std::function<void(std::string_view)> print;  // print() of the scripts
    std::function<void()> flush;                  // before anything goes to stderr
};

// Exit status: 0 when every script finished, 1 when one failed, 2 when a file is unreadable.
int run_demo_async(const Options& options, const Deadline& deadline, const DemoOutput& out);

}  // namespace rhai_run
