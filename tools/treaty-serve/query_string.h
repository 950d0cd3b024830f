// The parameters of a request's query string ("q=hate+speech&committee=CERD"), decoded and
// checked: what the API reads, and where a bad request is named.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace treatysearch::serve {

// A request the API refuses: its status (4xx) and a one-line message naming the problem.
class BadRequest : public std::runtime_error {
 public:
  explicit BadRequest(const std::string& message, int status = 400)
      : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

// At most this many parameters in one request.
inline constexpr std::size_t kMaxParameters = 64;

// `text` with %XX escapes decoded, and '+' read as a space when `plus_is_space` (query strings).
// nullopt for a malformed escape ("%G1", "%4"). The bytes are not checked as UTF-8: the library
// refuses a query that is not, and JSON output replaces what is not.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

class Parameters {
 public:
  // Throws BadRequest for a malformed escape, more than kMaxParameters,
  // or a name not in `allowed` (the message lists them).
  Parameters(std::string_view query, const std::vector<std::string_view>& allowed);

  // Every value given for `name`, in order; empty values are left out.
  std::vector<std::string> all(std::string_view name) const;
  // The last non-empty value given for `name`.
  std::optional<std::string> last(std::string_view name) const;
  // `name` as a whole number from min to max (default when absent). Throws BadRequest.
  std::uint64_t number(std::string_view name, std::uint64_t fallback, std::uint64_t min,
                       std::uint64_t max) const;
  // `name` as a switch: absent, "0" or "false" is false; present empty, "1" or "true" is true.
  // Throws BadRequest for another value.
  bool flag(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

}  // namespace treatysearch::serve
