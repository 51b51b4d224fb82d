/* hello: the first program anyone runs on Vitrine; checks startup, printf and exit(0). */
#include <stdio.h>

int main(void)
{
    printf("Hello from Vitrine! A RISC-V program running on a see-through Unix machine.\n");
    return 0;
}
