// `hindsight detect`: finds personal data in lines of text read from standard input.
#include "app/cli/argparser.h"
#include "app/cli/command.h"
#include "core/privacy/detector.h"
#include "core/privacy/masking.h"

#include <charconv>
#include <iostream>
#include <string>
#include <vector>

namespace hindsight::cli {

namespace {

const char *const kHelp =
    "Usage: hindsight detect [--json] [--types TYPE[,TYPE...]]\n"
    "\n"
    "Reads lines of text on standard input and reports the personal data found in each:\n"
    "e-mail addresses, phone numbers, payment card numbers (Luhn and issuer checked), IBANs\n"
    "(mod-97 checked), US social security numbers, IPv4/IPv6 addresses, JSON Web Tokens and\n"
    "secrets (well-known API key prefixes, credential-named URL parameters). See docs/privacy.md.\n"
    "No workspace store is needed.\n"
    "\n"
    "Options:\n"
    "  --json          print a JSON array with one object per input line:\n"
    "                  {\"line\": N, \"findings\": [{\"type\": T, \"start\": S, \"end\": E,\n"
    "                  \"confidence\": C}, ...]}; start/end are byte offsets into the line\n"
    "                  (end exclusive), lines are numbered from 1\n"
    "  --types LIST    only these detectors, comma-separated: EMAIL, PHONE, CREDIT_CARD, IBAN,\n"
    "                  US_SSN, IP_ADDRESS, JWT, SECRET (default: all)\n"
    "\n"
    "Plain output is one finding per line:\n"
    "  LINE:START-END TYPE CONFIDENCE  MASKED-VALUE\n"
    "A trailing carriage return is removed from each input line.\n"
    "\n"
    "Exit status: 0 when the input was read (whether or not anything was found),\n"
    "2 for a usage error.\n";

bool parseTypes(const std::string &list, privacy::DetectOptions &options, std::string &error)
{
    options.types = 0;
    std::size_t pos = 0;
    while (pos <= list.size()) {
        const std::size_t comma = std::min(list.find(',', pos), list.size());
        std::string name = list.substr(pos, comma - pos);
        while (!name.empty() && name.front() == ' ')
            name.erase(name.begin());
        while (!name.empty() && name.back() == ' ')
            name.pop_back();
        const auto type = privacy::detectorTypeFromString(name);
        if (!type) {
            error = name.empty() ? std::string("option '--types' has an empty type name")
                                 : "unknown type '" + name + "' in --types";
            error += " (known types: " + privacy::detectorTypeNames() + ")";
            return false;
        }
        options.types |= privacy::DetectOptions::bit(*type);
        pos = comma + 1;
    }
    return true;
}

void appendNumber(std::string &out, std::size_t v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void appendConfidence(std::string &out, double v)
{
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    out.append(buf, r.ptr);
}

int run(CommandContext &ctx, const std::vector<std::string> &args)
{
    ArgParser parser;
    parser.flag("--json");
    parser.value("--types");
    if (!parser.parse(args)) {
        ctx.err << "hindsight detect: " << parser.error() << "\n";
        return kUsage;
    }
    if (!parser.positional().empty()) {
        ctx.err << "hindsight detect: unexpected argument '" << parser.positional().front()
                << "' (text is read from standard input)\n";
        return kUsage;
    }
    privacy::DetectOptions options;
    if (parser.has("--types")) {
        std::string error;
        if (!parseTypes(parser.get("--types", ""), options, error)) {
            ctx.err << "hindsight detect: " << error << "\n";
            return kUsage;
        }
    }
    const bool json = parser.has("--json");

    std::string line;
    std::string out;
    std::size_t lineNo = 0;
    if (json) ctx.out << "[";
    while (std::getline(ctx.in, line)) {
        ++lineNo;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::vector<privacy::Finding> findings = privacy::detect(line, options);
        out.clear();
        if (json) {
            out += lineNo == 1 ? "\n" : ",\n";
            out += "{\"line\": ";
            appendNumber(out, lineNo);
            out += ", \"findings\": [";
            for (std::size_t i = 0; i < findings.size(); ++i) {
                const privacy::Finding &f = findings[i];
                out += i ? ", " : "";
                out += "{\"type\": \"";
                out += privacy::toString(f.type);
                out += "\", \"start\": ";
                appendNumber(out, f.start);
                out += ", \"end\": ";
                appendNumber(out, f.end);
                out += ", \"confidence\": ";
                appendConfidence(out, f.confidence);
                out += "}";
            }
            out += "]}";
        } else {
            for (const privacy::Finding &f : findings) {
                appendNumber(out, lineNo);
                out += ':';
                appendNumber(out, f.start);
                out += '-';
                appendNumber(out, f.end);
                out += ' ';
                out += privacy::toString(f.type);
                out += ' ';
                appendConfidence(out, f.confidence);
                out += "  ";
                out += privacy::maskValue(std::string_view(line).substr(f.start, f.length()), f.type);
                out += '\n';
            }
        }
        ctx.out << out;
    }
    if (json) ctx.out << (lineNo ? "\n]\n" : "]\n");
    ctx.out.flush();
    return kOk;
}

const CommandRegistration registration(CommandInfo{
    "detect", "find personal data (e-mail, phone, card, IBAN, SSN, IP, JWT, secrets) in text on stdin", kHelp,
    run});

} // namespace

} // namespace hindsight::cli
