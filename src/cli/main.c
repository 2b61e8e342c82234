#include <stdio.h>
int main(void)
{
    puts("octavo " OCTAVO_VERSION " (command line not wired yet)");
    return 0;
}
