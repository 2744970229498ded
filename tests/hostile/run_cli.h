// Runs the native CLI as a child process, stdin and stdout redirected to
// files, and reports its exit status and peak resident memory (measured by
// rss_probe, see rss_probe.cpp), so batch tests check the real binary end to end.
#pragma once

#include <string>
#include <vector>

namespace uie_test {

struct CliRun {
  int exit_status = -1;     // -1 when it did not exit normally (signal)
  int signal = 0;
  long max_rss_kb = 0;
  std::string error;        // why it could not be run at all
};

CliRun run_cli(const std::vector<std::string>& args, const std::string& stdin_path, const std::string& stdout_path);

// A fresh directory under the system's temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string file(const std::string& name) const { return path_ + "/" + name; }

 private:
  std::string path_;
};

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);
// Splits at '\n'; a final line without '\n' counts as a line.
std::vector<std::string> split_lines(const std::string& text);

}  // namespace uie_test
