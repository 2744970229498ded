// rss_probe RESULT STDIN STDOUT PROGRAM [ARGS...]: runs PROGRAM with stdin and
// stdout redirected and writes "<exit status> <signal> <peak RSS KiB>" to RESULT.
//
// Why a separate small process: Linux keeps a process's peak RSS across
// exec(), and a child forked from the big test binary starts out with the
// test binary's pages, so its ru_maxrss would measure the test, not the
// program. Forked from this small process, the program's peak is its own.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: rss_probe RESULT STDIN STDOUT PROGRAM [ARGS...]\n");
    return 2;
  }
  pid_t pid = fork();
  if (pid < 0) return 2;
  if (pid == 0) {
    int in = open(argv[2], O_RDONLY);
    int out = open(argv[3], O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0 || dup2(in, 0) < 0 || dup2(out, 1) < 0) _exit(127);
    close(in);
    close(out);
    execv(argv[4], argv + 4);
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  if (wait4(pid, &status, 0, &usage) != pid) return 2;
  std::FILE* f = std::fopen(argv[1], "w");
  if (!f) return 2;
  std::fprintf(f, "%d %d %ld\n", WIFEXITED(status) ? WEXITSTATUS(status) : -1,
               WIFSIGNALED(status) ? WTERMSIG(status) : 0, usage.ru_maxrss);
  std::fclose(f);
  return 0;
}
