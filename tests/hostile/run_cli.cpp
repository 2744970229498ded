#include "run_cli.h"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace uie_test {

CliRun run_cli(const std::vector<std::string>& args, const std::string& stdin_path, const std::string& stdout_path) {
  CliRun result;
  // Under AddressSanitizer, freed memory waits in a quarantine of up to 256 MiB,
  // which would grow with the batch however flat the program's own use is: keep
  // it small for these children, so peak memory measures the program.
  std::string asan = "quarantine_size_mb=4";
  if (const char* old = std::getenv("ASAN_OPTIONS")) asan = std::string(old) + ":" + asan;
  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) {
    if (std::strncmp(*e, "ASAN_OPTIONS=", 13) != 0) env_strings.emplace_back(*e);
  }
  env_strings.push_back("ASAN_OPTIONS=" + asan);
  const std::string result_path = stdout_path + ".rusage";
  std::vector<std::string> probe_args = {UIE_RSS_PROBE, result_path, stdin_path, stdout_path};
  probe_args.insert(probe_args.end(), args.begin(), args.end());
  std::vector<char*> argv, envp;
  for (auto& a : probe_args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  std::remove(result_path.c_str());
  pid_t pid = ::fork();
  if (pid == 0) {
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  if (pid < 0) {
    result.error = "fork failed";
    return result;
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    result.error = "rss_probe could not run " + args[0];
    return result;
  }
  std::istringstream report(read_file(result_path));
  if (!(report >> result.exit_status >> result.signal >> result.max_rss_kb)) result.error = "rss_probe wrote no result";
  if (result.exit_status == 127) result.error = "could not execute " + args[0];
  return result;
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "uie-hostile-XXXXXX").string();
  if (::mkdtemp(pattern.data())) path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

}  // namespace uie_test
