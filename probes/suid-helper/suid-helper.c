/* The set-user-id helper of nnp.setuid-escalation: it reports the ids it
 * runs with and does nothing else. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	printf("ruid=%d euid=%d\n", (int)getuid(), (int)geteuid());
	return 0;
}
