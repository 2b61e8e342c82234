#include "check.h"

int check_failures, check_count;

int check_done(void)
{
    printf("%d passed, %d failed\n", check_count - check_failures, check_failures);
    return check_failures ? 1 : 0;
}
