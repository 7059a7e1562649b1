package script

// MinMaxMemory is the smallest Options.MaxMemory a user should be offered
// (bridge's --max-memory refuses less). The watchdog measures the growth of
// the whole process's heap, sampled every 5 ms (memory.go, and doc.go
// "Memory"), not the script's own allocations: the mock JIRA, the HTTP stack
// and the garbage collector's timing move it by megabytes, so a smaller
// ceiling fails runs at random, or not at all, without saying anything about
// the script.
const MinMaxMemory = 16 << 20
