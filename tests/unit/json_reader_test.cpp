// Untrusted JSON: limits, duplicate keys, and number texts kept for money.
#include <catch2/catch.hpp>

#include <string>

#include "json_reader.h"

using namespace uie;

static bool read(const std::string& text, JsonDocument& doc, JsonReadError& err, std::size_t max = 65536, int depth = 16) {
  return read_json(text, max, depth, doc, err);
}

TEST_CASE("a duplicate key is refused at its pointer", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  REQUIRE_FALSE(read(R"({"facts": {"layoffs": 1, "layoffs": 2}})", doc, err));
  CHECK(err.code == "invalid_request");
  CHECK(err.path == "/facts/layoffs");
  REQUIRE_FALSE(read(R"({"a": [1, {"x": 1, "x": 1}]})", doc, err));
  CHECK(err.path == "/a/1/x");
  REQUIRE_FALSE(read(R"({"a/b": 1, "a/b": 2})", doc, err));
  CHECK(err.path == "/a~1b");
}

TEST_CASE("nesting past the limit is refused before it costs anything", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  std::string deep(100000, '[');
  REQUIRE_FALSE(read(deep, doc, err));
  CHECK(err.code == "invalid_request");
  CHECK(err.path == "");
  std::string ok = std::string(16, '[') + std::string(16, ']');
  CHECK(read(ok, doc, err));
  std::string over = std::string(17, '[') + std::string(17, ']');
  CHECK_FALSE(read(over, doc, err));
}

TEST_CASE("text past the size limit is refused", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  std::string big = "\"" + std::string(70000, 'x') + "\"";
  REQUIRE_FALSE(read(big, doc, err));
  CHECK(err.code == "invalid_request");
}

TEST_CASE("broken JSON is invalid_json at the whole request", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  for (const char* bad : {"", "{", "{\"a\":}", "NaN", "{\"a\": Infinity}", "[1,]", "{'a': 1}", "{\"a\": 1e400}",
                          "\"\\ud800\"", "\"\xff\"", "{\"a\":1} x"}) {
    INFO(bad);
    CHECK_FALSE(read(bad, doc, err));
    CHECK(err.code == "invalid_json");
    CHECK(err.path == "");
  }
}

TEST_CASE("a byte-order mark before the JSON is accepted", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  REQUIRE(read("\xEF\xBB\xBF{\"a\": 1}", doc, err));
  CHECK(doc.value["a"] == 1);
}

TEST_CASE("the text of every non-integer number is kept by pointer", "[json]") {
  JsonDocument doc;
  JsonReadError err;
  REQUIRE(read(R"({"facts": {"paid": 56789.12, "n": 3, "list": [0.1, 2.50]}})", doc, err));
  CHECK(doc.number_text.at("/facts/paid") == "56789.12");
  CHECK(doc.number_text.at("/facts/list/0") == "0.1");
  CHECK(doc.number_text.at("/facts/list/1") == "2.50");
  CHECK(doc.number_text.count("/facts/n") == 0);
  CHECK(doc.value["facts"]["list"].size() == 2);
}
