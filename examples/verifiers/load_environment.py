"""Build the tron-visual verifiers environment in Python (needs `pip install -e
environments/tron_visual`) and look at its first task."""

from tron_visual import load_environment

env = load_environment(buckets=["counting"], levels="1-3", n=10, seed=0)
task = next(iter(env.taskset))
print(task.data.id, task.data.prompt[0].content[1].text)
