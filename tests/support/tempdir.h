#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hindsight::test {

/// A fresh directory under the system temp dir, removed with everything in it on destruction.
class TempDir
{
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::string &path() const { return m_path; }
    /// path()/name
    std::string file(std::string_view name) const;
    /// Writes `content` to path()/name and returns the full path.
    std::string write(std::string_view name, std::string_view content) const;

  private:
    std::string m_path;
};

/// Reads a whole file as bytes ("" when missing).
std::string readFile(const std::string &path);

/// Result of running a child process.
struct ProcessResult
{
    int exitCode = -1; ///< exit status, or -signal when killed by a signal
    std::string out;
    std::string err;
};

/// Runs `argv` (argv[0] is the program path) with `input` on stdin, waits, and captures output.
ProcessResult runProcess(const std::vector<std::string> &argv, std::string_view input = {});

/// Starts `argv` in the background with its output discarded; returns the child's pid.
int startProcess(const std::vector<std::string> &argv);

/// Waits for a child started with startProcess; returns like ProcessResult::exitCode.
int waitProcess(int pid);

} // namespace hindsight::test
