using PeaceTalks.LoadTest;

return await LoadRun.MainAsync(args);
