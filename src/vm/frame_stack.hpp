// The VM's call stack: a growable array of frames with the subset of std::vector's interface
// the VM uses.
//
// Why not std::vector: every script call pushes a frame and every return pops one, and
// vector's emplace_back carries its reallocation path with it, so GCC keeps it out of line (a
// call, saved registers, a size computed by dividing by sizeof(Frame)). Here push is a
// capacity test and an in-place construction; growth is a separate, never-inlined function.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

namespace rhai::vm {

template <class T>
class FrameStack {
public:
    FrameStack() = default;
    FrameStack(const FrameStack&) = delete;
    FrameStack& operator=(const FrameStack&) = delete;
    ~FrameStack() {
        clear();
        std::free(data_);
    }

    size_t size() const { return size_; }
    size_t capacity() const { return cap_; }
    bool empty() const { return size_ == 0; }
    T& back() { return data_[size_ - 1]; }
    const T& back() const { return data_[size_ - 1]; }
    T& operator[](size_t i) { return data_[i]; }
    const T& operator[](size_t i) const { return data_[i]; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }

    template <class... Args>
    [[gnu::always_inline]] inline T& emplace_back(Args&&... args) {
        if (size_ == cap_) [[unlikely]] grow();
        T* f = new (data_ + size_) T(std::forward<Args>(args)...);
        ++size_;
        return *f;
    }
    void pop_back() { data_[--size_].~T(); }
    void clear() {
        while (size_) pop_back();
    }

private:
    // Moves the frames to twice the room. T's move constructor must not throw (Frame's
    // members are Dynamic, smart pointers and scalars).
    [[gnu::noinline]] void grow() {
        static_assert(std::is_nothrow_move_constructible_v<T>);
        size_t cap = cap_ ? cap_ * 2 : 8;
        T* fresh = static_cast<T*>(std::malloc(cap * sizeof(T)));
        if (!fresh) throw std::bad_alloc();
        for (size_t i = 0; i < size_; ++i) {
            new (fresh + i) T(std::move(data_[i]));
            data_[i].~T();
        }
        std::free(data_);
        data_ = fresh;
        cap_ = cap;
    }

    T* data_ = nullptr;
    size_t size_ = 0;
    size_t cap_ = 0;
};

}  // namespace rhai::vm
