// rhai::Dynamic — the one value type of the language.
//
// 16 bytes: a tag, flags and an 8-byte payload. Scalars (unit, bool, INT, FLOAT, char,
// timestamp) live inline, so integer and float arithmetic never allocates. Everything else
// is an intrusively reference-counted HeapObject. Strings, arrays, maps and blobs have value
// semantics implemented as copy-on-write: copying a Dynamic shares the object; the *_mut()
// accessors clone it first when it is shared (refs > 1).
//
// Reference counts are atomic because a compiled AST (and its constant pool) may be evaluated
// from several threads at once; a relaxed increment is cheap when uncontended.
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <typeinfo>
#include <utility>
#include <vector>

namespace rhai {

using INT = int64_t;
using FLOAT = double;

class Dynamic;
using Array = std::vector<Dynamic>;
// Rhai's object map is a BTreeMap: keys stay sorted. std::less<> allows string_view lookups.
using Map = std::map<std::string, Dynamic, std::less<>>;
using Blob = std::vector<uint8_t>;

// Defined by the compiler (src/compiler/bytecode.hpp); FnPtr keeps closures' code alive.
struct ScriptFunction;

enum class Tag : uint8_t {
    // inline scalars
    Unit,
    Bool,
    Int,
    Float,
    Char,       // a Unicode scalar value (char32_t)
    Timestamp,  // steady_clock nanoseconds
    // heap objects (everything from String on)
    String,
    Array,
    Map,
    Blob,
    FnPtr,
    Range,           // start..end, INT
    RangeInclusive,  // start..=end, INT
    Iterable,        // a lazily produced sequence: range(a, b, step), chars(), bits(), ...
    Shared,          // a variable cell shared between a scope and closures (Rhai's `is_shared`)
    Custom,          // a host type registered through the C++ API
    Internal,        // VM-private objects (e.g. a for-loop cursor); never seen by scripts
};

inline constexpr bool is_heap_tag(Tag t) { return t >= Tag::String; }

// Base of every reference-counted payload. Created with refs == 1.
struct HeapObject {
    mutable std::atomic<uint32_t> refs{1};
    HeapObject() = default;
    HeapObject(const HeapObject&) : refs(1) {}
    HeapObject& operator=(const HeapObject&) = delete;
    virtual ~HeapObject() = default;

    void retain() const { refs.fetch_add(1, std::memory_order_relaxed); }
    void release() const {
        if (refs.fetch_sub(1, std::memory_order_acq_rel) == 1) destroy(this);
    }
    bool is_unique() const { return refs.load(std::memory_order_acquire) == 1; }

private:
    // Deletes an object whose count reached zero without deep recursion (dynamic.cpp).
    static void destroy(const HeapObject* obj) noexcept;
};

struct StringObj final : HeapObject {
    std::string value;
    explicit StringObj(std::string v) : value(std::move(v)) {}
};
// Members that touch the Array / Map (constructors, destructors) are defined after Dynamic
// (bottom of this file, dynamic.cpp): clang with C++20's constexpr std::vector instantiates
// them where they appear, and Dynamic is still incomplete here.
struct ArrayObj final : HeapObject {
    Array value;
    ArrayObj();
    explicit ArrayObj(Array v);
    ~ArrayObj() override;
};
struct MapObj final : HeapObject {
    Map value;
    MapObj();
    explicit MapObj(Map v);
    ~MapObj() override;
};
struct BlobObj final : HeapObject {
    Blob value;
    BlobObj() = default;
    explicit BlobObj(Blob v) : value(std::move(v)) {}
};
struct RangeObj final : HeapObject {
    INT start, end;
    RangeObj(INT s, INT e) : start(s), end(e) {}
};

// Names of anonymous functions and closures start with this prefix (FnPtrObj::is_anonymous).
inline constexpr std::string_view kAnonymousFnPrefix = "anon$";

// A function pointer: a name, curried arguments and, for closures and anonymous functions,
// the compiled function itself (so the pointer stays callable after its AST is gone).
// Captured variables of a closure are its first curried arguments (Shared cells).
struct FnPtrObj final : HeapObject {
    std::string name;
    std::vector<Dynamic> curried;
    std::shared_ptr<const ScriptFunction> fn;  // null: resolve `name` at call time
    FnPtrObj(std::string n, std::vector<Dynamic> c, std::shared_ptr<const ScriptFunction> f);
    ~FnPtrObj() override;
    bool is_anonymous() const;
};

// A variable cell captured by a closure. Reads and writes go through the cell.
struct SharedObj final : HeapObject {
    std::vector<Dynamic> cell;  // exactly one element; a vector only because Dynamic is incomplete here
    // Set while the value is lent to a method as its `this` (the VM's CellLock): any other use
    // of the variable meanwhile is Rhai's ErrorDataRace, as its RefCell borrow would fail.
    bool lent = false;
    explicit SharedObj(Dynamic v);
    ~SharedObj() override;
    Dynamic& value();
    const Dynamic& value() const;
};

// A cursor walks an Iterable once; for-loops and iterator functions use it.
struct Cursor {
    virtual ~Cursor() = default;
    // Produces the next element into `out`; false at the end.
    virtual bool next(Dynamic& out) = 0;
};

// A lazily produced sequence value (a Rhai iterator type). Immutable: iterating it twice
// gives the same elements, as cloning a Rust iterator would.
struct IterableObj : HeapObject {
    virtual std::string_view type_name() const = 0;
    virtual std::unique_ptr<Cursor> cursor() const = 0;
};

// A value of a host (C++) type. Copy-on-write like the built-in containers.
struct CustomObj : HeapObject {
    virtual const std::type_info& type() const = 0;
    virtual CustomObj* clone() const = 0;
    virtual void* address() = 0;  // points at the held T
    // The name type_of() reports. Default: the demangled C++ type name; holders created through
    // registration (runtime/register.hpp) return the name the host registered.
    virtual std::string type_name() const;
    // Built-in custom values (e.g. the `u8` a BLOB yields) print and compare themselves;
    // host types return false and print through their registered to_string.
    virtual bool append_text(std::string& out) const { (void)out; return false; }
    virtual bool same_value(const CustomObj& other) const { (void)other; return false; }
};

// VM-private heap payloads (iteration cursors, etc.).
struct InternalObj : HeapObject {};

class Dynamic {
public:
    enum Flags : uint8_t { None = 0, ReadOnly = 1 };

    // ---- construction -------------------------------------------------------------------
    Dynamic() noexcept : h_{Tag::Unit, 0, 0, 0} { u_.i = 0; }
    Dynamic(bool b) noexcept : h_{Tag::Bool, 0, 0, 0} { u_.i = 0; u_.b = b; }
    Dynamic(int v) noexcept : h_{Tag::Int, 0, 0, 0} { u_.i = v; }
    Dynamic(INT v) noexcept : h_{Tag::Int, 0, 0, 0} { u_.i = v; }
    Dynamic(FLOAT v) noexcept : h_{Tag::Float, 0, 0, 0} { u_.f = v; }
    Dynamic(char32_t c) noexcept : h_{Tag::Char, 0, 0, 0} { u_.i = 0; u_.c = c; }
    Dynamic(std::string s) : Dynamic(Tag::String, new StringObj(std::move(s))) {}
    Dynamic(std::string_view s) : Dynamic(std::string(s)) {}
    Dynamic(const char* s) : Dynamic(std::string(s)) {}
    Dynamic(Array a) : Dynamic(Tag::Array, new ArrayObj(std::move(a))) {}
    Dynamic(Map m) : Dynamic(Tag::Map, new MapObj(std::move(m))) {}
    Dynamic(Blob b) : Dynamic(Tag::Blob, new BlobObj(std::move(b))) {}

    static Dynamic unit() { return Dynamic(); }
    static Dynamic timestamp(int64_t steady_ns) {
        Dynamic d;
        d.h_.tag = Tag::Timestamp;
        d.u_.i = steady_ns;
        return d;
    }
    static Dynamic range(INT start, INT end, bool inclusive) {
        return Dynamic(inclusive ? Tag::RangeInclusive : Tag::Range, new RangeObj(start, end));
    }
    static Dynamic fn_ptr(std::string name, std::vector<Dynamic> curried = {},
                          std::shared_ptr<const ScriptFunction> fn = nullptr);
    static Dynamic shared(Dynamic value);
    // Takes ownership of a freshly created heap object (refs == 1).
    static Dynamic from_heap(Tag tag, HeapObject* obj) { return Dynamic(tag, obj); }

    // ---- copy / move (refcounting) ------------------------------------------------------
    Dynamic(const Dynamic& o) noexcept : h_(o.h_), u_(o.u_) {
        if (is_heap_tag(h_.tag)) u_.p->retain();
    }
    Dynamic(Dynamic&& o) noexcept : h_(o.h_), u_(o.u_) {
        o.h_ = Head{};
    }
    Dynamic& operator=(const Dynamic& o) noexcept {
        if (is_heap_tag(o.h_.tag)) o.u_.p->retain();
        drop();
        h_ = o.h_;
        u_ = o.u_;
        return *this;
    }
    Dynamic& operator=(Dynamic&& o) noexcept {
        if (this != &o) {
            drop();
            h_ = o.h_;
            u_ = o.u_;
            o.h_ = Head{};
        }
        return *this;
    }
    ~Dynamic() { drop(); }

    // ---- inspection ---------------------------------------------------------------------
    Tag tag() const { return h_.tag; }
    bool is_unit() const { return h_.tag == Tag::Unit; }
    bool is_bool() const { return h_.tag == Tag::Bool; }
    bool is_int() const { return h_.tag == Tag::Int; }
    bool is_float() const { return h_.tag == Tag::Float; }
    bool is_char() const { return h_.tag == Tag::Char; }
    bool is_string() const { return h_.tag == Tag::String; }
    bool is_array() const { return h_.tag == Tag::Array; }
    bool is_map() const { return h_.tag == Tag::Map; }
    bool is_blob() const { return h_.tag == Tag::Blob; }
    bool is_fn_ptr() const { return h_.tag == Tag::FnPtr; }
    bool is_range() const { return h_.tag == Tag::Range || h_.tag == Tag::RangeInclusive; }
    bool is_timestamp() const { return h_.tag == Tag::Timestamp; }
    bool is_shared() const { return h_.tag == Tag::Shared; }
    bool is_custom() const { return h_.tag == Tag::Custom; }

    bool is_read_only() const { return h_.flags & ReadOnly; }
    void set_read_only(bool on) { h_.flags = on ? (h_.flags | ReadOnly) : (h_.flags & ~ReadOnly); }
    // Rhai's per-value tag (`x.tag`, `set_tag`): a 32-bit integer that travels with copies of
    // the value; 0 unless set. It lives in the padding of the first word, so costs no space.
    int32_t user_tag() const { return h_.user_tag; }
    void set_user_tag(int32_t t) { h_.user_tag = t; }

    // Unchecked accessors: the caller has tested the tag.
    bool as_bool() const { return u_.b; }
    INT as_int() const { return u_.i; }
    FLOAT as_float() const { return u_.f; }
    char32_t as_char() const { return u_.c; }
    int64_t as_timestamp_ns() const { return u_.i; }
    const std::string& as_string() const { return static_cast<const StringObj*>(u_.p)->value; }
    const Array& as_array() const { return static_cast<const ArrayObj*>(u_.p)->value; }
    const Map& as_map() const { return static_cast<const MapObj*>(u_.p)->value; }
    const Blob& as_blob() const { return static_cast<const BlobObj*>(u_.p)->value; }
    const FnPtrObj& as_fn_ptr() const { return *static_cast<const FnPtrObj*>(u_.p); }
    const RangeObj& as_range() const { return *static_cast<const RangeObj*>(u_.p); }
    const IterableObj& as_iterable() const { return *static_cast<const IterableObj*>(u_.p); }
    SharedObj& as_shared() const { return *static_cast<SharedObj*>(u_.p); }
    const CustomObj& as_custom() const { return *static_cast<const CustomObj*>(u_.p); }
    HeapObject* heap() const { return u_.p; }

    // Copy-on-write mutable access: clones the payload first when it is shared.
    std::string& string_mut() { return static_cast<StringObj*>(make_unique())->value; }
    Array& array_mut() { return static_cast<ArrayObj*>(make_unique())->value; }
    Map& map_mut() { return static_cast<MapObj*>(make_unique())->value; }
    Blob& blob_mut() { return static_cast<BlobObj*>(make_unique())->value; }
    FnPtrObj& fn_ptr_mut() { return *static_cast<FnPtrObj*>(make_unique()); }
    CustomObj& custom_mut() { return *static_cast<CustomObj*>(make_unique()); }

    // Rhai's type_of() name: "i64", "f64", "string", "array", "map", "()", "range=", ...
    std::string type_name() const;

    // The value a Shared cell holds (a copy); any other value unchanged.
    Dynamic flatten() const { return is_shared() ? as_shared().value() : *this; }

    // Rhai's to_string() (Display) and to_debug() (Debug) text. See src/runtime/format.cpp.
    std::string to_display() const;
    std::string to_debug() const;

    // Rhai's `==` for built-in types: int==float compares numerically, float == uses Rhai's
    // tolerance, containers compare element-wise. Values of unrelated types are not equal.
    friend bool operator==(const Dynamic& a, const Dynamic& b);

    // ---- typed access (defined in rhai/convert.hpp) -------------------------------------
    // is<T>(): holds a T (looking through Shared cells); cast<T>(): the T or a thrown
    // EvalError; try_cast<T>(): the T or nullopt; from(v): wraps any supported C++ value.
    template <class T> bool is() const;
    template <class T> T cast() const;
    template <class T> std::optional<T> try_cast() const;
    template <class T> static Dynamic from(T value);

private:
    Dynamic(Tag t, HeapObject* obj) noexcept : h_{t, 0, 0, 0} { u_.p = obj; }
    void drop() noexcept {
        if (is_heap_tag(h_.tag)) u_.p->release();
    }
    // Clones the heap payload when refs > 1 (the copy in dynamic.cpp); the common unique case inline.
    HeapObject* make_unique() {
        if (u_.p->is_unique()) [[likely]]
            return u_.p;
        return make_unique_shared();
    }
    HeapObject* make_unique_shared();

    // The first word: one struct, so copies and moves are a single 8-byte load and store.
    struct Head {
        Tag tag = Tag::Unit;
        uint8_t flags = 0;
        uint16_t spare = 0;
        int32_t user_tag = 0;
    } h_;
    union Payload {
        bool b;
        INT i;
        FLOAT f;
        char32_t c;
        HeapObject* p;
    } u_;
};

static_assert(sizeof(Dynamic) == 16, "Dynamic must stay two words");

inline SharedObj::SharedObj(Dynamic v) { cell.push_back(std::move(v)); }
inline SharedObj::~SharedObj() = default;
inline Dynamic& SharedObj::value() { return cell[0]; }
inline const Dynamic& SharedObj::value() const { return cell[0]; }
inline ArrayObj::ArrayObj() = default;
inline ArrayObj::ArrayObj(Array v) : value(std::move(v)) {}
inline MapObj::MapObj() = default;
inline MapObj::MapObj(Map v) : value(std::move(v)) {}

}  // namespace rhai

// Typed conversions (is/cast/try_cast/from) and the CustomValue<T> box for host types.
#include "rhai/convert.hpp"
