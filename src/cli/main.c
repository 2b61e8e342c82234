#include <stdio.h>
int main(void)
{
    puts("octavo " OCTAVO_VERSION);
    return 0;
}
