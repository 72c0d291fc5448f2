#include "core/model/actor.h"

#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace hindsight::model {

std::string currentActor()
{
    for (const char *name : {"HINDSIGHT_ACTOR", "USER", "LOGNAME"})
        if (const char *v = std::getenv(name); v && *v) return v;
    if (const passwd *pw = getpwuid(getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
    return "unknown";
}

} // namespace hindsight::model
