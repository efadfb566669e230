// Each test runs its own silo processes on two shared cores: one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
