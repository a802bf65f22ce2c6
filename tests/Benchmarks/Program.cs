using Koostoo.Benchmarks;

// Measurements, not tests: each prints its numbers; nothing here asserts a time.
var which = args.FirstOrDefault() ?? "all";
var rest = which == "all" ? [] : args.Skip(1).ToArray();
if (which is "timers" or "all") await TimerBenchmark.RunAsync(rest);
if (which is "resumes" or "all") await ResumeBenchmark.RunAsync(rest);
if (which is "answers" or "all") await AnswerBenchmark.RunAsync(rest);
if (which is "migrations" or "all") await MigrationBenchmark.RunAsync(rest);
if (which is "report") await ReportBenchmark.RunAsync(rest);
if (which is not ("timers" or "resumes" or "answers" or "migrations" or "report" or "all"))
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Benchmarks -- timers [timers due at once] [pending timers]\n" +
                            "       dotnet run -c Release --project tests/Benchmarks -- resumes [instances]\n" +
                            "       dotnet run -c Release --project tests/Benchmarks -- answers [waiting steps of 10] [answers]\n" +
                            "       dotnet run -c Release --project tests/Benchmarks -- migrations [networks]\n" +
                            "       dotnet run -c Release --project tests/Benchmarks -- report [networks] [output, default docs/benchmarks.md] [http | unbatched | http-postgres [connection string settings]]");
