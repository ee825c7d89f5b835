# The demo workload of `tessera dev --demo`: each instance says where it runs and what its
# container looks like from the inside, then does a little work.
echo "hello from task $MESOS_TASK_ID"
echo "  agent        $MESOS_AGENT_ID"
echo "  hostname     $(hostname)"
echo "  processes    $(ps -e --no-headers | wc -l) visible (its own pid namespace: pid $$)"
echo "  /tmp         $(ls -A /tmp | wc -l) entries (private to this task)"
cg=$(grep -E '^[0-9]+:memory:' /proc/self/cgroup | cut -d: -f3)
if [ -n "$cg" ] && [ -r "/sys/fs/cgroup/memory$cg/memory.limit_in_bytes" ]; then
  echo "  memory       limited to $(( $(cat /sys/fs/cgroup/memory$cg/memory.limit_in_bytes) / 1048576 )) MB by cgroup $cg"
fi
for step in 1 2 3; do
  echo "  working ... $step/3"
  sleep 1
done
echo "done"
