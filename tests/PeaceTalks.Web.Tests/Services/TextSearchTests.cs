using Microsoft.Extensions.DependencyInjection;
using PeaceTalks.Web.Csv;
using PeaceTalks.Web.Editing;
using PeaceTalks.Web.Filtering;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Services;
using PeaceTalks.Web.Tests.Infrastructure;
using static PeaceTalks.Web.Tests.Infrastructure.TestData;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Services;

/// <summary>Full-text search: case and accents folded in every script, phrases, prefixes, and every write kept in step.</summary>
public sealed class TextSearchTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(seed: false);
        await using var db = _database.CreateContext();
        var data = new TestData(db);
        var talks = data.AddIssue("talks");
        var zelensky = data.AddActor("zelensky", "Ukraine", "Volodymyr Zelenskyy");
        zelensky.AlternativeNames = "Володимир Зеленський";
        var sefcovic = data.AddActor("sefcovic", "European Union", "Maroš Šefčovič");
        var peskov = data.AddActor("peskov", "Russia", "Dmitry Peskov");
        data.AddStatement(zelensky, Day(12, 1), "Ми готові до переговорів, але не до капітуляції.", talks);
        data.AddStatement(zelensky, Day(12, 2), "The talks were hard but honest.", talks);
        data.AddStatement(sefcovic, Day(12, 3), "Sanctions stay until the guns fall silent.");
        var paraphrase = data.AddStatement(peskov, Day(12, 4), "Moscow will make no concessions on the regions.");
        paraphrase.Kind = TextKind.Paraphrase;
        paraphrase.OriginalLanguage = "ru";
        paraphrase.OriginalText = "Мы не пойдём на уступки по регионам.";
        data.AddMeeting("geneva-round", Day(12, 5), zelensky, sefcovic).Outcome = "Agreed to meet again after Orthodox Christmas.";
        await data.SaveAsync();
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private async Task<string[]> TextsAsync(string q)
    {
        var filter = await _database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Parse(q: q, kind: "statements"));
        var page = await _database.Get<TimelineQueries>().GetPageAsync(filter, pageSize: 50);
        return [.. page.Items.Select(i => i.Statement!.Text)];
    }

    [Theory]
    [InlineData("ми")]
    [InlineData("МИ")]
    [InlineData("Ми")]
    [InlineData("переговорів")]
    public async Task CyrillicWordsAreFoundWhateverTheirCase(string q) =>
        Assert.Equal(["Ми готові до переговорів, але не до капітуляції."], await TextsAsync(q));

    [Theory]
    [InlineData("sefcovic")]
    [InlineData("ŠEFČOVIČ")]
    [InlineData("Šefčovič")]
    [InlineData("maros")]
    public async Task LatinNamesAreFoundWithOrWithoutTheirAccentsThroughTheSpeaker(string q) =>
        Assert.Equal(["Sanctions stay until the guns fall silent."], await TextsAsync(q));

    [Fact]
    public async Task ASpeakersNameAndOtherSpellingsFindTheirStatementsNewestFirst()
    {
        string[] both = ["The talks were hard but honest.", "Ми готові до переговорів, але не до капітуляції."];

        Assert.Equal(both, await TextsAsync("zelenskyy"));
        Assert.Equal(both, await TextsAsync("зеленський"));
    }

    [Fact]
    public async Task AQuotedPhraseMustStandTogetherInOrder()
    {
        Assert.Equal(["The talks were hard but honest."], await TextsAsync("\"talks were hard\""));
        Assert.Empty(await TextsAsync("\"hard talks\""));
        // Unquoted, the same words may stand anywhere.
        Assert.Equal(["The talks were hard but honest."], await TextsAsync("hard talks"));
    }

    [Fact]
    public async Task AStarMakesAPrefixAndAShortWordBeforeTheLastMatchesWhole()
    {
        Assert.Equal(["Ми готові до переговорів, але не до капітуляції."], await TextsAsync("перегов*"));
        Assert.Equal(["Moscow will make no concessions on the regions."], await TextsAsync("concess*"));
        // "no" is too short to be a prefix unless it is the word being typed: it does not find "not" or "honest".
        Assert.Equal(["Moscow will make no concessions on the regions."], await TextsAsync("no regions"));
    }

    [Theory]
    [InlineData("Pesk")]
    [InlineData("Переговор")]
    [InlineData("peskov dmit")]
    public async Task TheLastWordIsAPrefixOnTheTimelineTheApiAndTheExports(string q)
    {
        var expected = q == "Переговор" ? "Ми готові до переговорів, але не до капітуляції." : "Moscow will make no concessions on the regions.";

        Assert.Equal([expected], await TextsAsync(q));
        var filter = await _database.Get<FilterResolver>().ResolveAsync(DashboardFilter.Parse(q: q));
        var rows = await _database.Get<CsvExporter>().StatementsAsync(filter).ToListAsync();
        Assert.Single(rows);
    }

    [Theory]
    [InlineData("Стамбуле", "Переговори у Стамбулі тривали три дні.")]
    [InlineData("Стамбул", "Переговори у Стамбулі тривали три дні.")]
    [InlineData("переговоры стамбуле", "Переговори у Стамбулі тривали три дні.")]
    [InlineData("Киеве", "Делегация прилетела в Киев вечером.")]
    [InlineData("делегации", "Делегация прилетела в Киев вечером.")]
    [InlineData("negotiations", "The negotiation resumed in Riyadh.")]
    [InlineData("resuming negotiation", "The negotiation resumed in Riyadh.")]
    public async Task CommonWordFormsOfRussianUkrainianAndEnglishFindEachOther(string q, string expected)
    {
        await using (var db = _database.CreateContext())
        {
            var data = new TestData(db);
            var peskov = db.Actors.Single(a => a.Slug == "peskov");
            data.Source.Key = "stem-source";
            data.AddStatement(peskov, Day(12, 6), "Переговори у Стамбулі тривали три дні.").Key = "stem1";
            data.AddStatement(peskov, Day(12, 7), "Делегация прилетела в Киев вечером.").Key = "stem2";
            data.AddStatement(peskov, Day(12, 8), "The negotiation resumed in Riyadh.").Key = "stem3";
            await data.SaveAsync();
        }

        Assert.Equal([expected], await TextsAsync(q));
    }

    [Theory]
    [InlineData("Стамбуле", "стамбул")]
    [InlineData("Стамбула", "стамбул")]
    [InlineData("переговорів", "переговор")]
    [InlineData("переговоры", "переговор")]
    [InlineData("Ушакова", "ушаков")]
    [InlineData("Зеленського", "зеленськ")]
    [InlineData("negotiations", "negoti")]
    [InlineData("regions", "region")]
    [InlineData("talks", "talk")]
    [InlineData("Hungary", "hungar")]
    [InlineData("Zelenskyy", "zelenskyy")]
    [InlineData("Ross", "ross")]
    [InlineData("ми", "ми")]
    [InlineData("Šefčovič", "šefčovič")]
    [InlineData("G20", "g20")]
    public void TheStemmerCutsOneCommonEndingAndKeepsAStemOfThreeLettersOrMore(string word, string stem) =>
        Assert.Equal(stem, WordStems.Stem(word));

    [Fact]
    public void APhraseStaysExactAndAWordTypedWithAStarIsNotStemmed()
    {
        var search = SearchText.Parse("\"у Стамбулі\" переговорів* Стамбуле")!;

        Assert.Equal(
            [new SearchTerm("у Стамбулі", true, false), new SearchTerm("переговорів", false, true), new SearchTerm("стамбул", false, true)],
            search.Terms);
        Assert.Equal("\"у Стамбулі\" \"переговорів\"* \"стамбул\"*", search.ToFts5());
        Assert.Equal("('у' <-> 'стамбулі') & 'переговорів':* & 'стамбул':*", search.ToTsQuery());
    }

    [Fact]
    public async Task EveryPickerFindsWhatIsTypedAmongMoreThanTwentyItems()
    {
        await using (var db = _database.CreateContext())
        {
            var data = new TestData(db);
            var first = db.Actors.Single(a => a.Slug == "peskov");
            for (var i = 0; i < 25; i++)
            {
                data.AddActor($"aaa-{i:00}", "Nowhere", $"Aaron Filler {i:00}");
            }
            var ushakov = data.AddActor("yuri-ushakov", "Russia", "Yuri Ushakov");
            data.Source.Key = "picker-source";
            data.AddMeeting("moscow-talks", Day(12, 2), ushakov, first).Title = "Talks in Moscow";
            data.AddStatement(ushakov, Day(12, 2), "A useful conversation, nothing more.").Key = "ushakov-1";
            await data.SaveAsync();
        }
        var lookups = _database.Get<LookupQueries>();

        // Opened with nothing typed: the first twenty alphabetically; Ushakov is not among them.
        Assert.DoesNotContain(await lookups.PickAsync(FieldInput.Actor, null), p => p.Key == "yuri-ushakov");
        Assert.Equal(["yuri-ushakov"], (await lookups.PickAsync(FieldInput.Actor, "Ushak")).Select(p => p.Key));
        Assert.Equal(["yuri-ushakov"], (await lookups.PickAsync(FieldInput.Participants, "yuri ush")).Select(p => p.Key));
        Assert.Equal(["moscow-talks"], (await lookups.PickAsync(FieldInput.Meeting, "Moscow")).Select(p => p.Key));
        Assert.Equal(["ushakov-1"], (await lookups.PickAsync(FieldInput.Evidence, "conversation", "yuri-ushakov")).Select(p => p.Key));
        Assert.Empty(await lookups.PickAsync(FieldInput.Evidence, "conversation", "peskov"));
    }

    [Fact]
    public async Task TheOriginalWordingOfATranslationIsSearchedToo()
    {
        Assert.Equal(["Moscow will make no concessions on the regions."], await TextsAsync("уступки"));
        Assert.Equal(["Moscow will make no concessions on the regions."], await TextsAsync("МЫ"));
    }

    [Fact]
    public async Task MeetingsAreFoundByTheirOutcomeAndActorsByTheirOtherSpellings()
    {
        var resolver = _database.Get<FilterResolver>();
        var meetings = await _database.Get<TimelineQueries>().GetPageAsync(await resolver.ResolveAsync(DashboardFilter.Parse(q: "christmas", kind: "meetings")));
        Assert.Equal(["geneva-round"], meetings.Items.Select(i => i.Meeting!.Slug));

        var actors = await _database.Get<ActorQueries>().ListAsync(await resolver.ResolveAsync(DashboardFilter.Parse(q: "володимир")), ActorSort.Name, false, 1);
        Assert.Equal(["zelensky"], actors.Items.Select(a => a.Slug));
        var suggestions = await _database.Get<LookupQueries>().SearchActorsAsync("šef");
        Assert.Equal(["sefcovic"], suggestions.Select(a => a.Slug));
    }

    [Fact]
    public async Task TheGlobalSearchRanksAndLinksEachKind()
    {
        var hits = await _database.Get<SearchQueries>().SearchAsync("zelenskyy");

        Assert.Equal(
            [
                (SearchHitKind.Actor, "/actors/zelensky"),
                (SearchHitKind.Statement, "/statements/s2"),
                (SearchHitKind.Statement, "/statements/s1"),
            ],
            hits.Select(h => (h.Kind, h.Href)).Where(h => h.Kind != SearchHitKind.Meeting));
        // The word being typed is a prefix there.
        Assert.Contains(await _database.Get<SearchQueries>().SearchAsync("peskov dmit"), h => h.Href == "/actors/peskov");
    }

    [Fact]
    public async Task EditsAndRenamesAreSearchableAtOnce()
    {
        var edits = new RecordEditService(_database.Factory, new EditorAccess(
            new TestAuthenticationStateProvider(await _database.SignInAsAsync(AppRoles.Editor)), _database.Get<IServiceScopeFactory>()));
        var statement = (await edits.LoadAsync(RecordTypes.Statements, "s3"))!;
        Assert.IsType<SaveResult.Saved>(await edits.SaveAsync(RecordTypes.Statements, "s3",
            new Dictionary<string, string?>(statement.Values) { ["text"] = "Sanctions stay until the ceasefire holds." }, statement.Version, null));

        Assert.Empty(await TextsAsync("guns"));
        Assert.Equal(["Sanctions stay until the ceasefire holds."], await TextsAsync("ceasefire"));

        var actor = (await edits.LoadAsync(RecordTypes.Actors, "sefcovic"))!;
        Assert.IsType<SaveResult.Saved>(await edits.SaveAsync(RecordTypes.Actors, "sefcovic",
            new Dictionary<string, string?>(actor.Values) { ["alternative_names"] = "Марош Шефчович" }, actor.Version, null));
        Assert.Equal(["Sanctions stay until the ceasefire holds."], await TextsAsync("шефчович"));

        var imported = await _database.Get<CsvImporter>().ImportAsync(Csv.CsvTestFiles.Utf8(
            "key,actor,date,date_precision,date_basis,kind,text,channel,attribution,source,via_source,meeting,issues,original_language,original_text\r\n" +
            "s4,peskov,2025-12-04,day,on,paraphrase,Moscow will make no concessions on the regions or the fleet.,not-stated,reported,test-source,,,,ru,Мы не пойдём на уступки.\r\n"),
            "s4.csv", Editor.System);
        Assert.True(imported.Written);
        Assert.Equal(["Moscow will make no concessions on the regions or the fleet."], await TextsAsync("fleet"));
    }

    [Fact]
    public void TextWithoutWordsIsNamedAndIgnoredNotTurnedIntoAMatchAll()
    {
        var filter = DashboardFilter.Parse(q: "%_*");

        Assert.Null(filter.Text);
        Assert.Equal(["The search text '%_*' has no words to look for (letters or digits) — search ignored."], filter.Problems);
    }
}
