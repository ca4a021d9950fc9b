#pragma once
#include "api/apierror.h"

namespace api {

// Result of a decoder: a value or a decode error naming the offending field.
template <typename T> struct Decoded
{
    T value{};
    ApiError error;
    bool ok() const { return !error.isError(); }
};

} // namespace api
