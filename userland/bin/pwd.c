/* pwd: print the working directory (getcwd). */
#include <limits.h>
#include "util.h"

int main(void) {
    prog = "pwd";
    char buf[PATH_MAX];
    if (!getcwd(buf, sizeof buf)) die_errno("getcwd");
    puts(buf);
    return 0;
}
