// hindsight export-user: everything the store holds about one person, as JSON.
#include "app/cli/argparser.h"
#include "app/cli/cliformat.h"
#include "app/cli/command.h"
#include "core/privacy/personaldata.h"
#include "core/store/store.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <ostream>
#include <unistd.h>

namespace hindsight::cli {

namespace {

const std::string kName = "hindsight export-user";

const char *kHelp = R"(Usage: hindsight [--store PATH] export-user ID [--output FILE]

Writes everything the workspace holds about a person as one JSON object: ID is any of their
distinct ids; every distinct id linked to the same person by $identify is included, with all
their interactions (oldest first) and every stored value of each: type, time, session, page
URL, title, referrer, element chain, properties and consent.

  {"subject": ID, "person": ID, "distinct_ids": [...],
   "interactions": [{"id", "uuid", "time", "type", "distinct_id", "session", "url", "title",
                     "referrer", "chain", "properties", "consent"}, ...],
   "interaction_count": N}

  --output FILE   write to FILE (created readable by its owner only, written completely or
                  not at all) instead of standard output

The store is read, never changed. Exit status: 0 on success, 2 when no one has the id, on a
usage error or when the store or the file cannot be read or written.
)";

int usage(CommandContext &ctx, const std::string &message)
{
    ctx.err << kName << ": " << message << "\n";
    return kUsage;
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser p;
    p.value("--output");
    if (!p.parse(args)) return usage(ctx, p.error());
    if (p.positional().empty()) return usage(ctx, "missing ID (a distinct id of the person)");
    if (p.positional().size() > 1) return usage(ctx, "unexpected argument '" + p.positional()[1] + "'");
    const std::string id = p.positional().front();
    if (id.empty()) return usage(ctx, "the ID is empty");

    std::string error;
    auto store = store::Store::open(ctx.storePath, store::Store::OpenMode::ReadOnly, &error);
    if (!store) return usage(ctx, error);
    auto person = privacy::findPerson(*store, id, &error);
    if (!person) return usage(ctx, error);

    const auto output = p.get("--output");
    if (!output || *output == "-") {
        auto n = privacy::exportPerson(*store, *person, ctx.out, &error);
        return n ? kOk : usage(ctx, error);
    }
    // Personal data: owner-only from the first byte, complete or absent (temporary file + rename).
    const std::string temp = *output + ".tmp-" + std::to_string(::getpid());
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) return usage(ctx, *output + ": " + std::strerror(errno));
    ::close(fd);
    // Plain values rather than an optional: GCC 12 at -O3 warns about the optional falsely.
    bool written = false;
    std::int64_t count = 0;
    {
        std::ofstream file(temp, std::ios::binary | std::ios::trunc);
        if (file) {
            if (auto n = privacy::exportPerson(*store, *person, file, &error)) {
                count = *n;
                written = true;
            }
        } else {
            error = *output + ": " + std::strerror(errno);
        }
        if (written) {
            file.close();
            if (!file) {
                written = false;
                error = *output + ": write error";
            }
        }
    }
    std::error_code renameError, removeError;
    if (written) std::filesystem::rename(temp, *output, renameError);
    if (!written || renameError) {
        std::filesystem::remove(temp, removeError);
        return usage(ctx, written ? *output + ": " + renameError.message() : error);
    }
    ctx.err << "Wrote " << formatCount(count) << " interactions of " << person->distinctIds.size()
            << (person->distinctIds.size() == 1 ? " distinct id" : " distinct ids") << " to " << *output
            << "\n";
    return kOk;
}

const CommandRegistration kRegistration{
    {"export-user", "write everything held about a person (all linked ids) as JSON", kHelp, run}};

} // namespace
} // namespace hindsight::cli
