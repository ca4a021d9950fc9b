// Placeholder until the simulator lands (issue 3).
#include <cstdio>
int main()
{
    std::fputs("orgscope-sim is not built yet\n", stderr);
    return 1;
}
