// Trial deletion over the graph reachable from tracked Shared cells (see cycles.hpp).
// Iterative throughout: values may nest arbitrarily deep, the native stack must not.
#include "runtime/cycles.hpp"

#include <algorithm>
#include <unordered_map>

namespace rhai {

namespace {

// Objects that can hold references to other objects (and so be part of a cycle).
bool is_container(Tag t) {
    return t == Tag::Array || t == Tag::Map || t == Tag::FnPtr || t == Tag::Shared;
}

template <class F>
void for_each_child(const Dynamic& v, F&& f) {
    switch (v.tag()) {
        case Tag::Array:
            for (const Dynamic& e : v.as_array()) f(e);
            break;
        case Tag::Map:
            for (const auto& kv : v.as_map()) f(kv.second);
            break;
        case Tag::FnPtr:
            for (const Dynamic& c : v.as_fn_ptr().curried) f(c);
            break;
        case Tag::Shared:
            f(v.as_shared().value());
            break;
        default:
            break;
    }
}

struct Node {
    const Dynamic* rep;  // one Dynamic pointing at the object (to enumerate its children)
    Tag tag;
    int64_t outside;     // references not accounted for inside the graph
    bool live = false;
};

using Graph = std::unordered_map<const HeapObject*, Node>;

// Every container reachable from the cells, with its real reference count.
void discover(const std::vector<Dynamic>& cells, Graph& g) {
    std::vector<const Dynamic*> todo;
    auto visit = [&](const Dynamic& d) {
        if (!is_container(d.tag())) return;
        auto [it, fresh] = g.try_emplace(d.heap(), Node{&d, d.tag(), int64_t(d.heap()->refs.load(std::memory_order_acquire))});
        if (fresh) todo.push_back(&d);
    };
    for (const Dynamic& c : cells) visit(c);
    while (!todo.empty()) {
        const Dynamic* d = todo.back();
        todo.pop_back();
        for_each_child(*d, visit);
    }
}

// Marks everything reachable from objects that are held from outside the graph.
void mark_live(Graph& g) {
    std::vector<Node*> todo;
    for (auto& [obj, n] : g)
        if (n.outside > 0) {
            n.live = true;
            todo.push_back(&n);
        }
    while (!todo.empty()) {
        Node* n = todo.back();
        todo.pop_back();
        for_each_child(*n->rep, [&](const Dynamic& c) {
            if (!is_container(c.tag())) return;
            Node& m = g.at(c.heap());
            if (!m.live) {
                m.live = true;
                todo.push_back(&m);
            }
        });
    }
}

}  // namespace

size_t collect_cycles(std::vector<Dynamic>& cells) {
    // Cells only the list still holds are plain garbage: dropping them frees them.
    std::erase_if(cells, [](const Dynamic& c) { return c.heap()->is_unique(); });
    if (cells.empty()) return 0;
    Graph g;
    discover(cells, g);
    for (const Dynamic& c : cells) --g.at(c.heap()).outside;  // the list's own references
    for (auto& [obj, n] : g)
        for_each_child(*n.rep, [&](const Dynamic& c) {
            if (is_container(c.tag())) --g.at(c.heap()).outside;
        });
    mark_live(g);
    // Empty the garbage cells; their old values are destroyed only after the graph is no
    // longer used (destroying them frees objects the graph points at).
    std::vector<Dynamic> doomed;
    // (Through the object, not `rep`: a rep may be the slot of a cell emptied just before.)
    for (auto& [obj, n] : g)
        if (!n.live && n.tag == Tag::Shared)
            doomed.push_back(std::move(static_cast<SharedObj*>(const_cast<HeapObject*>(obj))->value()));
    // Work on garbage is paid for by the cells that made it; what repeats is the live part.
    size_t work = 0;
    for (auto& [obj, n] : g) work += n.live;
    std::erase_if(cells, [&](const Dynamic& c) { return !g.at(c.heap()).live; });
    g.clear();
    doomed.clear();
    return work;
}

namespace detail {
void release_cells(std::vector<Dynamic>& cells) noexcept {
    try {
        collect_cycles(cells);
    } catch (...) {
        // Out of memory while collecting: the cycles stay (a leak), the values stay valid.
    }
    cells.clear();
}
}  // namespace detail

CellTracker::~CellTracker() { detail::release_cells(cells_); }

void CellTracker::collect() {
    size_t work = collect_cycles(cells_);
    next_ = cells_.size() + std::max(kMinInterval, work);
}

}  // namespace rhai
