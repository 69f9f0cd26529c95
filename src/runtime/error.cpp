// Parse and evaluation errors: Rhai's kind names, Display messages and the caught-error map.
#include "rhai/error.hpp"

#include <array>

namespace rhai {

namespace {

constexpr std::array<std::string_view, 37> kErrorKindNames = {
    "ErrorSystem",
    "ErrorParsing",
    "ErrorVariableExists",
    "ErrorForbiddenVariable",
    "ErrorVariableNotFound",
    "ErrorPropertyNotFound",
    "ErrorIndexNotFound",
    "ErrorFunctionNotFound",
    "ErrorModuleNotFound",
    "ErrorInFunctionCall",
    "ErrorInModule",
    "ErrorUnboundThis",
    "ErrorMismatchDataType",
    "ErrorMismatchOutputType",
    "ErrorIndexingType",
    "ErrorArrayBounds",
    "ErrorStringBounds",
    "ErrorBitFieldBounds",
    "ErrorFor",
    "ErrorDataRace",
    "ErrorNonPureMethodCallOnConstant",
    "ErrorAssignmentToConstant",
    "ErrorDotExpr",
    "ErrorArithmetic",
    "ErrorTooManyOperations",
    "ErrorTooManyVariables",
    "ErrorTooManyModules",
    "ErrorStackOverflow",
    "ErrorDataTooLarge",
    "ErrorTerminated",
    "ErrorCustomSyntax",
    "ErrorRuntime",
    "ErrorRejected",
    "ErrorTimeout",
    "ErrorTooManyPendingCalls",
    "ErrorCancelled",
    "ErrorMemoryLimit",
};
static_assert(kErrorKindNames.size() == size_t(ErrorKind::ErrorMemoryLimit) + 1);

constexpr std::array<std::string_view, 38> kParseErrorKindNames = {
    "UnexpectedEOF",
    "BadInput",
    "UnknownOperator",
    "MissingToken",
    "MissingSymbol",
    "MalformedCallExpr",
    "MalformedIndexExpr",
    "MalformedInExpr",
    "MalformedCapture",
    "DuplicatedProperty",
    "DuplicatedSwitchCase",
    "DuplicatedVariable",
    "WrongSwitchIntegerCase",
    "WrongSwitchDefaultCase",
    "WrongSwitchCaseCondition",
    "PropertyExpected",
    "VariableExpected",
    "ForbiddenVariable",
    "Reserved",
    "MismatchedType",
    "ExprExpected",
    "WrongDocComment",
    "WrongFnDefinition",
    "FnDuplicatedDefinition",
    "FnMissingName",
    "FnMissingParams",
    "FnDuplicatedParam",
    "FnMissingBody",
    "WrongExport",
    "AssignmentToConstant",
    "AssignmentToInvalidLHS",
    "VariableExists",
    "VariableUndefined",
    "ModuleUndefined",
    "ExprTooDeep",
    "TooManyFunctions",
    "LiteralTooLarge",
    "LoopBreak",
};
static_assert(kParseErrorKindNames.size() == size_t(ParseErrorKind::LoopBreak) + 1);

std::string with_position(const std::string& message, Position pos) {
    if (pos.is_none()) return message;
    return message + " (" + pos.to_string() + ")";
}

}  // namespace

std::string_view error_kind_name(ErrorKind kind) {
    size_t i = static_cast<size_t>(kind);
    return i < kErrorKindNames.size() ? kErrorKindNames[i] : "ErrorSystem";
}

std::string_view parse_error_kind_name(ParseErrorKind kind) {
    size_t i = static_cast<size_t>(kind);
    return i < kParseErrorKindNames.size() ? kParseErrorKindNames[i] : "BadInput";
}

// ---- ParseError ----------------------------------------------------------------------------

ParseError::ParseError(ParseErrorKind kind, std::string message, Position pos)
    : Error(with_position(message, pos)), kind_(kind), message_(std::move(message)), pos_(pos) {}

// ---- EvalError -----------------------------------------------------------------------------

EvalError::EvalError(ErrorKind kind, std::string message, Position pos)
    : Error(with_position(message, pos)), kind_(kind), message_(std::move(message)), pos_(pos) {}

void EvalError::set_position(Position pos) {
    pos_ = pos;
    // what() must keep agreeing with describe(); std::runtime_error's text is immutable, so
    // rebuild the base through assignment.
    static_cast<Error&>(*this) = Error(describe());
}

EvalError EvalError::runtime(Dynamic thrown, Position pos) {
    // Rhai: "Runtime error" for () or "", else "Runtime error: <display of the value>".
    std::string text = thrown.to_display();
    std::string message = text.empty() ? "Runtime error" : "Runtime error: " + text;
    EvalError e(ErrorKind::ErrorRuntime, std::move(message), pos);
    e.thrown_ = std::move(thrown);
    return e;
}

EvalError EvalError::in_function_call(std::string fn_name, std::string source,
                                      std::shared_ptr<const EvalError> inner, Position pos) {
    // Rhai's Display: the inner error (with its own position), then the call it happened in.
    std::string message = inner ? inner->describe() : std::string("Runtime error");
    if (fn_name.rfind(kAnonymousFnPrefix, 0) == 0) {
        message += "\nin closure call";
    } else {
        message += "\nin call to function '" + fn_name + "'";
    }
    if (!source.empty()) message += " (from '" + source + "')";
    EvalError e(ErrorKind::ErrorInFunctionCall, std::move(message), pos);
    e.fields_["function"] = Dynamic(std::move(fn_name));
    e.fields_["source"] = Dynamic(std::move(source));
    e.inner_ = std::move(inner);
    return e;
}

EvalError EvalError::function_not_found(std::string signature, Position pos) {
    EvalError e(ErrorKind::ErrorFunctionNotFound, "Function not found: " + signature, pos);
    e.fields_["function"] = Dynamic(std::move(signature));
    return e;
}

EvalError EvalError::mismatch_data_type(std::string requested, std::string actual, Position pos) {
    // Rhai names the actual type by its Rust name here (not through map_type_name), which
    // differs from the script-visible name only for ranges.
    if (actual == "range") actual = "core::ops::range::Range<i64>";
    else if (actual == "range=") actual = "core::ops::range::RangeInclusive<i64>";
    std::string message;
    if (actual.empty()) {
        message = "Data type incorrect, expecting " + requested;
    } else if (requested.empty()) {
        message = "Data type incorrect: " + actual;
    } else {
        message = "Data type incorrect: " + actual + " (expecting " + requested + ")";
    }
    EvalError e(ErrorKind::ErrorMismatchDataType, std::move(message), pos);
    e.fields_["requested"] = Dynamic(std::move(requested));
    e.fields_["actual"] = Dynamic(std::move(actual));
    return e;
}

EvalError EvalError::arithmetic(std::string message, Position pos) {
    if (message.empty()) message = "Arithmetic error";
    return EvalError(ErrorKind::ErrorArithmetic, std::move(message), pos);
}

EvalError EvalError::variable_not_found(std::string name, Position pos) {
    EvalError e(ErrorKind::ErrorVariableNotFound, "Variable not found: " + name, pos);
    e.fields_["variable"] = Dynamic(std::move(name));
    return e;
}

namespace {

// "only 1 element in array" / "only 5 elements in array" / "array is empty".
std::string bounds_message(const char* what, const char* unit, const char* units, INT len,
                           INT index) {
    std::string m = std::string(what) + " index " + std::to_string(index) + " out of bounds: ";
    if (len == 0) return m + (what[0] == 'A' ? "array" : "string") + " is empty";
    if (len == 1) return m + "only 1 " + unit + " in " + (what[0] == 'A' ? "array" : "string");
    return m + "only " + std::to_string(len) + " " + units + " in " +
           (what[0] == 'A' ? "array" : "string");
}

void set_bounds_fields(Map& f, INT len, INT index) {
    f["length"] = Dynamic(len);
    f["index"] = Dynamic(index);
}

}  // namespace

EvalError EvalError::array_bounds(INT len, INT index, Position pos) {
    EvalError e(ErrorKind::ErrorArrayBounds, bounds_message("Array", "element", "elements", len, index),
                pos);
    set_bounds_fields(e.fields_, len, index);
    return e;
}

EvalError EvalError::string_bounds(INT len, INT index, Position pos) {
    EvalError e(ErrorKind::ErrorStringBounds,
                bounds_message("String", "character", "characters", len, index), pos);
    set_bounds_fields(e.fields_, len, index);
    return e;
}

EvalError EvalError::bit_field_bounds(INT bits, INT index, Position pos) {
    EvalError e(ErrorKind::ErrorBitFieldBounds,
                "Bit-field index " + std::to_string(index) + " out of bounds: only " +
                    std::to_string(bits) + " bits in bit-field",
                pos);
    set_bounds_fields(e.fields_, bits, index);
    return e;
}

Dynamic EvalError::to_catch_value() const {
    if (kind_ == ErrorKind::ErrorRuntime) return thrown_;
    // Rhai builds: message (without position), line/position when known, "error" (the
    // variant name) and the variant's fields.
    Map m = fields_;
    m["error"] = Dynamic(std::string(error_kind_name(kind_)));
    m["message"] = Dynamic(message_);
    if (!pos_.is_none()) {
        m["line"] = Dynamic(INT(pos_.line));
        m["position"] = Dynamic(INT(pos_.column));
    }
    return Dynamic(std::move(m));
}

std::string EvalError::describe() const { return with_position(message_, pos_); }

}  // namespace rhai
