/* getopt_args: getopt_long over the arguments in getopt_args.args (short/long options, optional and required values, --, unknown options reported on stderr). */
#include <stdio.h>
#include <getopt.h>
#include <stdlib.h>

static long strtol_safe(const char *s) { return s ? strtol(s, NULL, 0) : -1; }

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        {"verbose", no_argument, NULL, 'v'}, {"output", required_argument, NULL, 'o'}, {"level", optional_argument, NULL, 'l'},
        {"dry-run", no_argument, NULL, 1000}, {NULL, 0, NULL, 0}};
    int c, idx;
    opterr = 1;
    while ((c = getopt_long(argc, argv, "vo:l::n:", longs, &idx)) != -1) {
        switch (c) {
        case 'v': printf("verbose\n"); break;
        case 'o': printf("output = [%s]\n", optarg); break;
        case 'l': printf("level = [%s]\n", optarg ? optarg : "(default)"); break;
        case 'n': printf("number = %ld\n", strtol_safe(optarg)); break;
        case 1000: printf("dry-run (long index %d)\n", idx); break;
        case '?': printf("unknown or missing argument (optopt %d)\n", optopt); break;
        default: printf("unexpected %d\n", c);
        }
    }
    printf("optind %d of %d\n", optind, argc);
    for (int i = optind; i < argc; i++) printf("operand [%s]\n", argv[i]);
    return 0;
}
