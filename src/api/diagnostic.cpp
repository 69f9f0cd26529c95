// format_error / format_snippet (include/rhai/diagnostic.hpp).
//
// An ErrorInFunctionCall chain is walked innermost first. Each position belongs to a source:
// the innermost error's to the function it was raised in, a call site's to the function (or
// script) that made the call. A function's source is the `source` field of its frame; "" or
// the script's own name means the script's text.
#include "rhai/diagnostic.hpp"

#include <algorithm>
#include <vector>

namespace rhai {
namespace {

constexpr size_t kMaxShownColumns = 100;  // longer lines are cut around the caret

struct Colors {
    const char* message = "";
    const char* gutter = "";
    const char* caret = "";
    const char* frame = "";
    const char* reset = "";
};

Colors colors(bool on) {
    if (!on) return {};
    return {"\x1b[1;31m", "\x1b[34m", "\x1b[1;31m", "\x1b[36m", "\x1b[0m"};
}

// Line `n` (1-based) of text, without its '\r\n'; nullopt past the end.
std::optional<std::string_view> line_of(std::string_view text, uint32_t n) {
    size_t start = 0;
    for (uint32_t i = 1; i < n; ++i) {
        size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return std::nullopt;
        start = nl + 1;
    }
    if (start > text.size()) return std::nullopt;
    size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos ? text.size() - start : end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// Byte length of the valid UTF-8 character at s[i], 0 if invalid.
size_t utf8_length(std::string_view s, size_t i) {
    auto b = static_cast<unsigned char>(s[i]);
    size_t len = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k)
        if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
    return len;
}

// One printable cell per character: control bytes and broken UTF-8 become '?', tabs stay (the
// caret line copies them so the caret lands under the same column).
std::vector<std::string> cells_of(std::string_view line) {
    std::vector<std::string> cells;
    for (size_t i = 0; i < line.size();) {
        size_t len = utf8_length(line, i);
        auto b = static_cast<unsigned char>(line[i]);
        if (len == 0) {
            cells.emplace_back("?");
            ++i;
            continue;
        }
        if (len == 1 && (b < 0x20 || b == 0x7F) && b != '\t') cells.emplace_back("?");
        else cells.emplace_back(line.substr(i, len));
        i += len;
    }
    return cells;
}

std::string with_position(const std::string& message, Position pos) {
    if (pos.is_none()) return message;
    return message + " (" + pos.to_string() + ")";
}

struct Frame {
    std::string text;      // "in call to function 'f'" ...
    Position pos;          // the call site
    std::string source;    // the callee's source ("" = the script)
};

std::string frame_text(const EvalError& e, std::string_view script_name) {
    auto field = [&](const char* name) {
        auto it = e.fields().find(name);
        return it == e.fields().end() ? std::string() : it->second.to_display();
    };
    std::string fn = field("function"), source = field("source");
    std::string text = fn.rfind(kAnonymousFnPrefix, 0) == 0 ? "in closure call"
                                                            : "in call to function '" + fn + "'";
    if (!source.empty() && source != script_name) text += " (from '" + source + "')";
    return text;
}

std::string snippet_text(std::string_view text, Position pos, bool color, size_t width);

class Renderer {
public:
    Renderer(std::string_view text, const DiagnosticOptions& options)
        : text_(text), options_(options), c_(colors(options.color)) {}

    void header(const std::string& message, Position pos) {
        if (!options_.file_name.empty()) out_ += options_.file_name + ": ";
        out_ += std::string(c_.message) + with_position(message, pos) + c_.reset + "\n";
    }
    void frame_line(const std::string& text, Position pos) {
        out_ += std::string(c_.frame) + with_position(text, pos) + c_.reset + "\n";
    }
    void note(const std::string& text) { out_ += std::string(c_.frame) + text + c_.reset + "\n"; }

    // The snippet of `pos` in `source` (a function's source name; "" = the script).
    void snippet(const std::string& source, Position pos) {
        std::optional<std::string> loaded;
        std::string_view text = text_;
        if (!source.empty() && source != options_.file_name) {
            if (options_.load_source) loaded = options_.load_source(source);
            if (!loaded) return;
            text = *loaded;
        }
        out_ += snippet_text(text, pos, options_.color, width_);
    }
    // Every snippet's line number gets the width of the largest (the gutters line up).
    void widen(Position pos) { width_ = std::max(width_, std::to_string(pos.line).size()); }
    std::string take() { return std::move(out_); }

private:
    std::string_view text_;
    const DiagnosticOptions& options_;
    Colors c_;
    std::string out_;
    size_t width_ = 0;
};

// format_snippet with the line-number column `width` wide (one width for a whole diagnostic).
std::string snippet_text(std::string_view text, Position pos, bool color, size_t width) {
    if (pos.is_none()) return {};
    std::optional<std::string_view> line = line_of(text, pos.line);
    if (!line) return {};
    Colors c = colors(color);
    std::vector<std::string> cells = cells_of(*line);
    size_t caret = pos.column == 0 ? 0 : pos.column - 1;  // index of the cell under the caret
    if (caret > cells.size()) caret = cells.size();       // past the end (end of input): after it
    size_t first = 0, last = cells.size();
    if (cells.size() > kMaxShownColumns) {
        first = caret > kMaxShownColumns / 2 ? caret - kMaxShownColumns / 2 : 0;
        last = std::min(cells.size(), first + kMaxShownColumns);
    }
    std::string number = std::to_string(pos.line);
    if (number.size() < width) number.insert(0, width - number.size(), ' ');
    std::string pad(number.size(), ' ');
    std::string shown = first > 0 ? "..." : "";
    std::string under(shown.size(), ' ');
    for (size_t i = first; i < last; ++i) {
        shown += cells[i];
        if (i < caret) under += cells[i] == "\t" ? '\t' : ' ';
    }
    if (last < cells.size()) shown += "...";
    std::string out;
    out += std::string(c.gutter) + " " + number + " |" + c.reset + (shown.empty() ? "" : " ") + shown + "\n";
    out += std::string(c.gutter) + " " + pad + " |" + c.reset + " " + under + c.caret + "^" + c.reset + "\n";
    return out;
}

}  // namespace

std::string format_snippet(std::string_view text, Position pos, bool color) {
    return snippet_text(text, pos, color, 0);
}

std::string format_error(const EvalError& error, std::string_view text, const DiagnosticOptions& options) {
    // Unwrap the chain: frames outermost first, `inner` the error that started it.
    std::vector<Frame> frames;
    const EvalError* inner = &error;
    while (inner->kind() == ErrorKind::ErrorInFunctionCall && inner->inner()) {
        auto it = inner->fields().find("source");
        std::string source = it == inner->fields().end() ? std::string() : it->second.to_display();
        frames.push_back({frame_text(*inner, options.file_name), inner->position(), source});
        inner = inner->inner().get();
    }
    Renderer r(text, options);
    r.widen(inner->position());
    for (const Frame& f : frames) r.widen(f.pos);
    r.header(inner->message(), inner->position());
    // The innermost error lies in the innermost callee's source; a call site in its caller's.
    r.snippet(frames.empty() ? std::string() : frames.back().source, inner->position());
    Position shown = inner->position();
    size_t n = frames.size();
    size_t keep_inner = options.max_frames / 2, keep_outer = options.max_frames - keep_inner;
    for (size_t k = 0; k < n; ++k) {
        size_t i = n - 1 - k;  // innermost first
        if (n > options.max_frames && k == keep_inner) {
            r.note("... " + std::to_string(n - options.max_frames) + " more calls");
        }
        if (n > options.max_frames && k >= keep_inner && k < n - keep_outer) continue;
        r.frame_line(frames[i].text, frames[i].pos);
        // A built-in written in Rhai reports its caller's position for the inner error too:
        // the same line twice says nothing new.
        if (frames[i].pos == shown) continue;
        r.snippet(i == 0 ? std::string() : frames[i - 1].source, frames[i].pos);
        shown = frames[i].pos;
    }
    return r.take();
}

std::string format_error(const ParseError& error, std::string_view text, const DiagnosticOptions& options) {
    Renderer r(text, options);
    r.header("Syntax error: " + error.message(), error.position());
    r.snippet("", error.position());
    return r.take();
}

std::string format_debug_line(std::string_view text, std::string_view source, Position pos) {
    std::string out(source);
    if (!pos.is_none()) {
        if (!source.empty()) out += " @ ";
        out += std::to_string(pos.line);
        if (pos.column != 0) out += ":" + std::to_string(pos.column);
    }
    if (!out.empty()) out += " | ";
    out += text;
    return out;
}

}  // namespace rhai
