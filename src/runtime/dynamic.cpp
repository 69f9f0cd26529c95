// Dynamic: copy-on-write cloning, function pointers, shared cells, type names and equality.
#include "rhai/dynamic.hpp"

#include <cxxabi.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <vector>

#include "runtime/float_compare.hpp"
#include "runtime/nesting.hpp"
#include "runtime/utf8.hpp"

namespace rhai {

// ---- FnPtrObj ------------------------------------------------------------------------------

// Out of line: ScriptFunction is incomplete in the header.
FnPtrObj::FnPtrObj(std::string n, std::vector<Dynamic> c, std::shared_ptr<const ScriptFunction> f)
    : name(std::move(n)), curried(std::move(c)), fn(std::move(f)) {}

FnPtrObj::~FnPtrObj() = default;

// Anonymous functions and closures get generated names starting with "anon$" (as Rhai's do).
bool FnPtrObj::is_anonymous() const { return name.rfind(kAnonymousFnPrefix, 0) == 0; }

// ---- CustomObj -----------------------------------------------------------------------------

std::string CustomObj::type_name() const {
    // Rust's type_name() is the full path of the type; the nearest C++ analogue is the
    // demangled name. The API layer overrides this with the name given at registration.
    int status = 0;
    char* demangled = abi::__cxa_demangle(type().name(), nullptr, nullptr, &status);
    std::string out = (status == 0 && demangled) ? demangled : type().name();
    std::free(demangled);
    return out;
}

ArrayObj::~ArrayObj() = default;
MapObj::~MapObj() = default;

// ---- HeapObject ----------------------------------------------------------------------------

// Freeing a value frees what it holds, which frees what that holds...: a recursive descent as
// deep as the value. Scripts can nest values a million levels deep, so the objects that die
// while another is being deleted on this thread are queued and deleted by the outermost call,
// one at a time: the native stack stays flat. The queue keeps a reserve it never gives back:
// a chain (`x[0] = x` in a loop) queues one object at a time, so freeing it needs no
// allocation even when memory has just run out (which is often why it is being freed).
namespace {
constexpr size_t kDestroyQueueReserve = 1024;
}

void HeapObject::destroy(const HeapObject* obj) noexcept {
    thread_local bool draining = false;
    thread_local std::vector<const HeapObject*> queue;
    if (draining) {
        try {
            queue.push_back(obj);
            return;
        } catch (...) {
            // No memory to grow the queue (only a wide value does that): delete in place.
        }
        delete obj;
        return;
    }
    draining = true;
    if (queue.capacity() < kDestroyQueueReserve) {
        try {
            queue.reserve(kDestroyQueueReserve);
        } catch (...) {
        }
    }
    delete obj;
    while (!queue.empty()) {
        const HeapObject* next = queue.back();
        queue.pop_back();
        delete next;
    }
    draining = false;
    // A million-wide value leaves a large queue behind; give the memory back, keeping the reserve.
    if (queue.capacity() > 4 * kDestroyQueueReserve) {
        try {
            std::vector<const HeapObject*> smaller;
            smaller.reserve(kDestroyQueueReserve);
            queue.swap(smaller);
        } catch (...) {
        }
    }
}

// ---- Dynamic -------------------------------------------------------------------------------

Dynamic Dynamic::fn_ptr(std::string name, std::vector<Dynamic> curried,
                        std::shared_ptr<const ScriptFunction> fn) {
    return Dynamic(Tag::FnPtr, new FnPtrObj(std::move(name), std::move(curried), std::move(fn)));
}

Dynamic Dynamic::shared(Dynamic value) {
    if (value.is_shared()) return value;  // never nest cells: a cell of a cell is the same cell
    bool ro = value.is_read_only();
    Dynamic d(Tag::Shared, new SharedObj(std::move(value)));
    d.set_read_only(ro);
    return d;
}

HeapObject* Dynamic::make_unique_shared() {
    HeapObject* p = u_.p;
    HeapObject* copy = nullptr;
    switch (h_.tag) {
        case Tag::String: copy = new StringObj(*static_cast<StringObj*>(p)); break;
        case Tag::Array: copy = new ArrayObj(*static_cast<ArrayObj*>(p)); break;
        case Tag::Map: copy = new MapObj(*static_cast<MapObj*>(p)); break;
        case Tag::Blob: copy = new BlobObj(*static_cast<BlobObj*>(p)); break;
        case Tag::FnPtr: copy = new FnPtrObj(*static_cast<FnPtrObj*>(p)); break;
        case Tag::Range:
        case Tag::RangeInclusive: copy = new RangeObj(*static_cast<RangeObj*>(p)); break;
        case Tag::Custom: copy = static_cast<CustomObj*>(p)->clone(); break;
        // Shared cells are shared by identity; iterables are immutable; internal objects are
        // owned by the VM. None of them is copied on write.
        default: return p;
    }
    p->release();
    u_.p = copy;
    return copy;
}

std::string Dynamic::type_name() const {
    switch (h_.tag) {
        case Tag::Unit: return "()";
        case Tag::Bool: return "bool";
        case Tag::Int: return "i64";
        case Tag::Float: return "f64";
        case Tag::Char: return "char";
        case Tag::Timestamp: return "timestamp";
        case Tag::String: return "string";
        case Tag::Array: return "array";
        case Tag::Map: return "map";
        case Tag::Blob: return "blob";
        case Tag::FnPtr: return "Fn";
        case Tag::Range: return "range";
        case Tag::RangeInclusive: return "range=";
        case Tag::Iterable: return std::string(as_iterable().type_name());
        case Tag::Shared: return as_shared().value().type_name();
        case Tag::Custom: return as_custom().type_name();
        case Tag::Internal: return "internal";
    }
    return "?";
}

namespace {

// A one-character string equals that character (Rhai's built-in string/char comparison).
bool string_equals_char(const std::string& s, char32_t c) {
    if (s.empty() || s.size() > 4) return false;
    size_t i = 0;
    return utf8_next(s, i) == c && i == s.size();
}

}  // namespace

bool operator==(const Dynamic& a0, const Dynamic& b0) {
    if (a0.is_shared() || b0.is_shared()) return a0.flatten() == b0.flatten();
    const Dynamic& a = a0;
    const Dynamic& b = b0;
    Tag ta = a.tag(), tb = b.tag();
    if (ta != tb) {
        if (ta == Tag::Int && tb == Tag::Float) return float_eq(FLOAT(a.as_int()), b.as_float());
        if (ta == Tag::Float && tb == Tag::Int) return float_eq(a.as_float(), FLOAT(b.as_int()));
        if (ta == Tag::String && tb == Tag::Char) return string_equals_char(a.as_string(), b.as_char());
        if (ta == Tag::Char && tb == Tag::String) return string_equals_char(b.as_string(), a.as_char());
        return false;
    }
    switch (ta) {
        case Tag::Unit: return true;
        case Tag::Bool: return a.as_bool() == b.as_bool();
        case Tag::Int: return a.as_int() == b.as_int();
        case Tag::Float: return float_eq(a.as_float(), b.as_float());
        case Tag::Char: return a.as_char() == b.as_char();
        case Tag::Timestamp: return a.as_timestamp_ns() == b.as_timestamp_ns();
        case Tag::String: return a.heap() == b.heap() || a.as_string() == b.as_string();
        case Tag::Array: {
            if (a.heap() == b.heap()) return true;
            NestingGuard nesting;
            const Array& x = a.as_array();
            const Array& y = b.as_array();
            if (x.size() != y.size()) return false;
            for (size_t i = 0; i < x.size(); ++i)
                if (!(x[i] == y[i])) return false;
            return true;
        }
        case Tag::Map: {
            if (a.heap() == b.heap()) return true;
            NestingGuard nesting;
            const Map& x = a.as_map();
            const Map& y = b.as_map();
            if (x.size() != y.size()) return false;
            for (auto ix = x.begin(), iy = y.begin(); ix != x.end(); ++ix, ++iy)
                if (ix->first != iy->first || !(ix->second == iy->second)) return false;
            return true;
        }
        case Tag::Blob: return a.as_blob() == b.as_blob();
        case Tag::Range:
        case Tag::RangeInclusive:
            return a.as_range().start == b.as_range().start && a.as_range().end == b.as_range().end;
        case Tag::FnPtr: {
            const FnPtrObj& x = a.as_fn_ptr();
            const FnPtrObj& y = b.as_fn_ptr();
            if (x.name != y.name || x.curried.size() != y.curried.size()) return false;
            NestingGuard nesting;
            for (size_t i = 0; i < x.curried.size(); ++i)
                if (!(x.curried[i] == y.curried[i])) return false;
            return true;
        }
        case Tag::Custom:
            return a.heap() == b.heap() || a.as_custom().same_value(b.as_custom());
        default:
            // Iterable and internal values are equal only to themselves.
            return a.heap() == b.heap();
    }
}

}  // namespace rhai
