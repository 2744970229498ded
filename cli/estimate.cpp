// estimate: the native command line of the estimator (contract §6).
//
//   estimate < request.json         one request in, one response out
//   estimate --jsonl < batch.jsonl  one request per line, one response per line
//
// Exit status 0 when every response was produced, whatever they say; 2 when it
// could not run at all (bad options, unreadable or broken rule packs).
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "batch.h"
#include "uie/engine.h"

namespace {

const char* kHelp =
    "用法 / usage: estimate [--jsonl] [--today YYYY-MM-DD] [--pack FILE]...\n"
    "\n"
    "失业保险待遇测算（稳岗返还、技能提升补贴、失业保险金等），全部在本机计算。\n"
    "Estimates unemployment-insurance benefits on this machine; nothing is sent anywhere.\n"
    "\n"
    "  (no option)        read one JSON request on standard input, print one JSON response\n"
    "  --jsonl            read one request per line and print one response per line, in order;\n"
    "                     a bad line gets an error response and the batch goes on\n"
    "  --today DATE       the date a request without \"date\" is evaluated on (default: today)\n"
    "  --pack FILE        load a further rule pack (JSON) besides the built-in ones; repeatable\n"
    "  --catalog          print the programs, regions and policies the rules cover\n"
    "  --version          print the engine version\n"
    "  --help             print this text\n"
    "\n"
    "The request and response format is the estimate contract (docs/contract-notes.md and\n"
    "shared/spec/estimate-api.md). Exit status: 0 when every response was produced (whatever\n"
    "they say), 2 when it could not run at all (bad options, unreadable or broken rule packs).\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "estimate: %s\n(try estimate --help)\n", message.c_str());
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  bool jsonl = false, catalog = false;
  std::string today;
  std::vector<uie::PackText> packs = uie::embedded_packs();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      std::fputs(kHelp, stdout);
      return 0;
    } else if (a == "--version") {
      std::printf("%s\n", uie::Engine::version());
      return 0;
    } else if (a == "--jsonl") {
      jsonl = true;
    } else if (a == "--catalog") {
      catalog = true;
    } else if (a == "--today" && i + 1 < argc) {
      today = argv[++i];
      if (today.size() != 10) return usage_error("--today 需要 YYYY-MM-DD 格式的日期");
    } else if (a == "--pack" && i + 1 < argc) {
      std::ifstream f(argv[++i], std::ios::binary);
      if (!f) return usage_error(std::string("无法读取规则文件 ") + argv[i]);
      std::ostringstream text;
      text << f.rdbuf();
      packs.push_back({argv[i], text.str()});
    } else {
      return usage_error("不认识的参数 " + a);
    }
  }
  uie::LoadResult loaded = uie::Engine::load(packs);
  if (!loaded.ok()) {
    for (const auto& issue : loaded.issues) {
      std::fprintf(stderr, "estimate: 规则文件有误 %s %s: %s\n", issue.file.c_str(), issue.pointer.c_str(),
                   issue.message.c_str());
    }
    return 2;
  }
  const uie::Engine& engine = *loaded.engine;
  std::ios::sync_with_stdio(false);
  if (catalog) {
    std::cout << engine.catalog() << '\n';
    return 0;
  }
  if (!jsonl) {
    std::cout << engine.estimate(uie_cli::read_request(std::cin, uie::Limits{}.max_request_bytes), today) << '\n';
    return 0;
  }
  uie_cli::run_batch(engine, std::cin, std::cout, today);
  return 0;
}
