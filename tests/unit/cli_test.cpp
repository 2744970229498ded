// The native CLI: one request, --jsonl batches in order, exit statuses.
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

#include "support.h"

using namespace uie_test;

namespace {

struct Run {
  int status;
  std::string out;
};

std::string temp_file(const std::string& content) {
  char name[] = "/tmp/uie-cli-test-XXXXXX";
  int fd = mkstemp(name);
  if (fd >= 0) close(fd);
  std::ofstream(name, std::ios::binary) << content;
  return name;
}

Run run(const std::string& args, const std::string& input) {
  std::string in_path = temp_file(input);
  std::string cmd = std::string(UIE_ESTIMATE_BIN) + " " + args + " < " + in_path + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  int status = pclose(p);
  std::remove(in_path.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::vector<json> lines(const std::string& out) {
  std::vector<json> v;
  std::size_t start = 0;
  while (start < out.size()) {
    std::size_t end = out.find('\n', start);
    v.push_back(json::parse(out.substr(start, end - start)));
    start = end + 1;
  }
  return v;
}

}  // namespace

TEST_CASE("one request in, one response out, exit 0 whatever it says", "[cli]") {
  Run ok = run("--today 2024-07-15", R"({"region":"140000","program":"contribution_rate","date":"2025-01-02","facts":{"wage_base":8000}})");
  CHECK(ok.status == 0);
  CHECK(json::parse(ok.out)["amount_fen"] == 8000);
  Run bad = run("", "this is not json");
  CHECK(bad.status == 0);
  CHECK(json::parse(bad.out)["error"]["code"] == "invalid_json");
}

TEST_CASE("a batch gets one response per line, in order, bad lines included", "[cli]") {
  std::string input;
  for (int i = 0; i < 50; ++i) {
    if (i % 5 == 0) input += "{broken\n";
    else if (i % 7 == 0) input += "\n";
    else input += R"({"region":"140000","date":"2025-03-01","program":"contribution_rate","facts":{"wage_base":)" + std::to_string(i * 100) + "}}\n";
  }
  input += std::string(70000, 'x') + "\n";  // past the line limit
  input += R"({"region":"000000","date":"2024-07-15","program":"unemployment_benefit","facts":{"contribution_months":24,"involuntary":true}})";
  Run r = run("--jsonl", input);
  CHECK(r.status == 0);
  auto out = lines(r.out);
  REQUIRE(out.size() == 52);
  for (int i = 0; i < 50; ++i) {
    INFO(i);
    if (i % 5 == 0) CHECK(out[static_cast<std::size_t>(i)]["error"]["code"] == "invalid_json");
    else if (i % 7 == 0) CHECK(out[static_cast<std::size_t>(i)]["error"]["code"] == "invalid_json");
    else CHECK(out[static_cast<std::size_t>(i)]["amount_fen"] == i * 100);
  }
  CHECK(out[50]["error"]["code"] == "invalid_request");
  CHECK(out[51]["max_months"] == 12);
}

TEST_CASE("bad options and broken packs exit 2, and help exits 0", "[cli]") {
  CHECK(run("--frobnicate", "").status == 2);
  CHECK(run("--help", "").status == 0);
  CHECK(run("--help", "").out.find("--jsonl") != std::string::npos);
  std::string pack = temp_file("{\"kind\": \"policy\"");
  CHECK(run("--pack " + pack, "{}").status == 2);
  std::remove(pack.c_str());
  CHECK(run("--pack /no/such/file.json", "{}").status == 2);
}
