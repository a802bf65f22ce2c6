using Koostoo.Benchmarks;

// Measurements, not tests: each prints its numbers; nothing here asserts a time.
var which = args.FirstOrDefault() ?? "all";
if (which is "timers" or "all") await TimerBenchmark.RunAsync(args.Skip(1).ToArray());
if (which is "resumes" or "all") await ResumeBenchmark.RunAsync(args.Skip(1).ToArray());
if (which is not ("timers" or "resumes" or "all"))
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Benchmarks -- [timers [timer count] [pending count] | resumes [instance count] | all]");
