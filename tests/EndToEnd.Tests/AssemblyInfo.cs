// Each class starts a whole host (and some an SMTP server or a browser); on two cores, one at a time keeps timings honest.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
