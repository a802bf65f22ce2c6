using Koostoo.Benchmarks;

// Measurements, not tests: each prints its numbers; nothing here asserts a time.
var which = args.FirstOrDefault() ?? "all";
if (which is "timers" or "all") await TimerBenchmark.RunAsync(which == "all" ? [] : args.Skip(1).ToArray());
if (which is "answers" or "all") await AnswerBenchmark.RunAsync(which == "all" ? [] : args.Skip(1).ToArray());
if (which is not ("timers" or "answers" or "all"))
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Benchmarks -- timers [timers due at once] [pending timers]\n" +
                            "       dotnet run -c Release --project tests/Benchmarks -- answers [waiting steps of 10] [answers]");
