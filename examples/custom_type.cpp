// A host type in scripts: constructor, getters/setters, an indexer, methods, printing, ==.
#include <rhai/rhai.hpp>

#include <iostream>
#include <vector>

namespace {

struct Inventory {
    std::string owner;
    std::vector<rhai::INT> slots = std::vector<rhai::INT>(4, 0);

    bool operator==(const Inventory&) const = default;
    rhai::INT total() const {
        rhai::INT sum = 0;
        for (auto n : slots) sum += n;
        return sum;
    }
    void add_slot() { slots.push_back(0); }
};

rhai::Result<rhai::INT> get_slot(const Inventory& inv, rhai::INT i) {
    if (i < 0 || i >= static_cast<rhai::INT>(inv.slots.size()))
        return rhai::EvalError::array_bounds(static_cast<rhai::INT>(inv.slots.size()), i);
    return inv.slots[static_cast<size_t>(i)];
}

rhai::Result<> set_slot(Inventory& inv, rhai::INT i, rhai::INT value) {
    if (i < 0 || i >= static_cast<rhai::INT>(inv.slots.size()))
        return rhai::EvalError::array_bounds(static_cast<rhai::INT>(inv.slots.size()), i);
    inv.slots[static_cast<size_t>(i)] = value;
    return {};
}

}  // namespace

int main() {
    rhai::Engine engine;
    engine.register_type_with_name<Inventory>("Inventory")
        .register_fn("inventory", [](const std::string& owner) { return Inventory{owner}; })
        .register_get_set(
            "owner", [](const Inventory& inv) { return inv.owner; },
            [](Inventory& inv, const std::string& name) { inv.owner = name; })
        .register_get("size", [](const Inventory& inv) { return static_cast<rhai::INT>(inv.slots.size()); })
        .register_indexer_get_set(get_slot, set_slot)
        .register_fn("total", &Inventory::total)       // const member function
        .register_fn("add_slot", &Inventory::add_slot)  // mutating member function
        .register_fn("to_string", [](const Inventory& inv) {
            return "Inventory(" + inv.owner + ", " + std::to_string(inv.total()) + " items)";
        });

    engine.on_print([](std::string_view line) { std::cout << "script: " << line << '\n'; });

    try {
        Inventory result = engine.eval<Inventory>(R"(
            let inv = inventory("ann");
            inv[0] = 5;
            inv[3] += 2;
            inv.add_slot();
            inv[4] = 1;
            inv.owner = "bob";
            print(`${inv.owner} has ${inv.total()} items in ${inv.size} slots`);
            print(type_of(inv));
            inv
        )");
        std::cout << "back in C++: owner=" << result.owner << " total=" << result.total() << '\n';

        // Values cross in both directions; the host keeps its own copy (copy-on-write).
        rhai::Scope scope;
        scope.push("stock", result);
        engine.run_with_scope(scope, "stock[1] = 10;");
        std::cout << "host copy total=" << result.total()
                  << ", scope copy total=" << scope.get_value<Inventory>("stock")->total() << '\n';

        engine.run(R"(let inv = inventory("x"); inv[9] = 1;)");  // out of bounds
    } catch (const rhai::EvalError& e) {
        std::cout << "EvalError " << rhai::error_kind_name(e.kind()) << ": " << e.what() << '\n';
    } catch (const rhai::Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
