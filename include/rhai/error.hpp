// Errors: parse errors and evaluation (runtime) errors, with Rhai's kinds and positions.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "rhai/dynamic.hpp"
#include "rhai/position.hpp"

namespace rhai {

// Rhai's EvalAltResult variants. The name a script sees in `catch (e) { e.error }` is
// error_kind_name(kind), e.g. "ErrorFunctionNotFound".
enum class ErrorKind : uint8_t {
    ErrorSystem,
    ErrorParsing,
    ErrorVariableExists,
    ErrorForbiddenVariable,
    ErrorVariableNotFound,
    ErrorPropertyNotFound,
    ErrorIndexNotFound,
    ErrorFunctionNotFound,
    ErrorModuleNotFound,
    ErrorInFunctionCall,
    ErrorInModule,
    ErrorUnboundThis,
    ErrorMismatchDataType,
    ErrorMismatchOutputType,
    ErrorIndexingType,
    ErrorArrayBounds,
    ErrorStringBounds,
    ErrorBitFieldBounds,
    ErrorFor,
    ErrorDataRace,
    ErrorNonPureMethodCallOnConstant,
    ErrorAssignmentToConstant,
    ErrorDotExpr,
    ErrorArithmetic,
    ErrorTooManyOperations,
    ErrorTooManyVariables,
    ErrorTooManyModules,
    ErrorStackOverflow,
    ErrorDataTooLarge,
    ErrorTerminated,
    ErrorCustomSyntax,
    ErrorRuntime,  // `throw value`
    // Beyond Rhai: the async host API (include/rhai/async.hpp).
    ErrorRejected,             // the host rejected a call (Completion::reject(message))
    ErrorTimeout,              // a host call's timeout (catchable) or a task's deadline
    ErrorTooManyPendingCalls,  // Engine::set_max_pending_calls reached (catchable)
    ErrorCancelled,            // the task was cancelled (Task::error(); never caught)
    ErrorMemoryLimit,          // Limits::max_memory: the task's values hold too much (never caught)
};

std::string_view error_kind_name(ErrorKind kind);

// Rhai's ParseErrorType variants (names as Rhai's Debug prints them).
enum class ParseErrorKind : uint8_t {
    UnexpectedEOF,
    BadInput,
    UnknownOperator,
    MissingToken,
    MissingSymbol,
    MalformedCallExpr,
    MalformedIndexExpr,
    MalformedInExpr,
    MalformedCapture,
    DuplicatedProperty,
    DuplicatedSwitchCase,
    DuplicatedVariable,
    WrongSwitchIntegerCase,
    WrongSwitchDefaultCase,
    WrongSwitchCaseCondition,
    PropertyExpected,
    VariableExpected,
    ForbiddenVariable,
    Reserved,
    MismatchedType,
    ExprExpected,
    WrongDocComment,
    WrongFnDefinition,
    FnDuplicatedDefinition,
    FnMissingName,
    FnMissingParams,
    FnDuplicatedParam,
    FnMissingBody,
    WrongExport,
    AssignmentToConstant,
    AssignmentToInvalidLHS,
    VariableExists,
    VariableUndefined,
    ModuleUndefined,
    ExprTooDeep,
    TooManyFunctions,
    LiteralTooLarge,
    LoopBreak,
};

std::string_view parse_error_kind_name(ParseErrorKind kind);

// Base of every error the C++ API throws.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A syntax error: kind, position and Rhai's message ("Unexpected '}' (line 3, position 7)").
class ParseError : public Error {
public:
    ParseError(ParseErrorKind kind, std::string message, Position pos);
    ParseErrorKind kind() const { return kind_; }
    Position position() const { return pos_; }
    // The message without the position suffix.
    const std::string& message() const { return message_; }

private:
    ParseErrorKind kind_;
    std::string message_;
    Position pos_;
};

// A runtime error. Natives report errors by throwing it; the VM catches it, fills in the
// position of the failing instruction (when none is set) and unwinds to the nearest `catch`.
class EvalError : public Error {
public:
    // `message` is Rhai's Display text without the position, e.g.
    // "Function not found: len (i64)" or "Data type incorrect: i64 (expecting string)".
    EvalError(ErrorKind kind, std::string message, Position pos = {});

    ErrorKind kind() const { return kind_; }
    Position position() const { return pos_; }
    void set_position(Position pos);
    const std::string& message() const { return message_; }

    // Extra fields a script sees when catching (e.function, e.index, e.length, e.actual, ...)
    // and, for ErrorRuntime, the thrown value. Kept as a map so the C++ API and the VM build the
    // caught value the same way.
    Map& fields() { return fields_; }
    const Map& fields() const { return fields_; }
    const Dynamic& thrown() const { return thrown_; }

    // ErrorInFunctionCall / ErrorInModule wrap the error raised inside the callee.
    const std::shared_ptr<const EvalError>& inner() const { return inner_; }

    // ---- constructors for the common kinds (Rhai's exact messages) ----
    static EvalError runtime(Dynamic thrown, Position pos = {});            // throw
    static EvalError in_function_call(std::string fn_name, std::string source,
                                      std::shared_ptr<const EvalError> inner, Position pos);
    static EvalError function_not_found(std::string signature, Position pos = {});
    static EvalError mismatch_data_type(std::string requested, std::string actual,
                                        Position pos = {});
    static EvalError arithmetic(std::string message, Position pos = {});
    static EvalError variable_not_found(std::string name, Position pos = {});
    static EvalError array_bounds(INT len, INT index, Position pos = {});
    static EvalError string_bounds(INT len, INT index, Position pos = {});
    static EvalError bit_field_bounds(INT bits, INT index, Position pos = {});

    // The value `catch (e)` binds: the thrown value for ErrorRuntime, otherwise an object map
    // #{ error: "ErrorKind", message: "...", line: L, position: C, ...fields }.
    Dynamic to_catch_value() const;

    // Full text as rhai-run prints it, including the position and nested call chain.
    std::string describe() const;

private:
    ErrorKind kind_;
    std::string message_;
    Position pos_;
    Map fields_;
    Dynamic thrown_;
    std::shared_ptr<const EvalError> inner_;
};

}  // namespace rhai
