// A main() for the fuzz targets when libFuzzer is not available (gcc builds, the asan and
// release stages): runs LLVMFuzzerTestOneInput once on every file named on the command line
// (directories: every file inside), so the seed corpora and any crash reproducer are
// regression tests in every build.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {
void run_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}
}  // namespace

int main(int argc, char** argv) {
    size_t count = 0;
    for (int i = 1; i < argc; ++i) {
        std::filesystem::path p(argv[i]);
        if (std::filesystem::is_directory(p)) {
            for (auto& entry : std::filesystem::recursive_directory_iterator(p))
                if (entry.is_regular_file()) run_file(entry.path()), ++count;
        } else {
            run_file(p), ++count;
        }
    }
    std::printf("replayed %zu inputs\n", count);
    return count ? 0 : 1;  // no input at all means the seeds were not found
}
