using Microsoft.EntityFrameworkCore;
using PeaceTalks.Web.Data;
using PeaceTalks.Web.Models;
using PeaceTalks.Web.Records;

namespace PeaceTalks.Web.Tests.Records;

/// <summary>The record descriptions and the EF model say the same thing: every stored value is described, every description is stored.</summary>
public sealed class RecordTypeTests
{
    private static readonly Microsoft.EntityFrameworkCore.Metadata.IModel Model =
        new SqliteDbContext(new DbContextOptionsBuilder<SqliteDbContext>().UseSqlite("Data Source=:memory:").Options).Model;

    /// <summary>What every record keeps besides its data (<see cref="IRecord"/>): not fields of any description.</summary>
    private static readonly string[] Bookkeeping = [nameof(IRecord.Id), nameof(IRecord.Version), nameof(IRecord.RetractedAt), nameof(IRecord.RetractedReason)];

    /// <summary>The check against the source (<see cref="IVerifiable"/>): set by checks, never by the fields' writers.</summary>
    private static readonly string[] Check = [.. typeof(IVerifiable).GetProperties().Select(p => p.Name)];

    public static TheoryData<string> Types => [.. RecordTypes.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryMappedPropertyOfTheRecordsTableHasAField(string name)
    {
        var type = RecordTypes.Named(name)!;
        var entity = Model.FindEntityType(type.EntityType)!;
        var described = type.Fields.OfType<ColumnField>().Select(f => f.Property).ToHashSet();
        var undescribed = entity.GetProperties().Select(p => p.Name)
            .Where(p => !Bookkeeping.Contains(p) && !(type.Verifiable && Check.Contains(p)) && !described.Contains(p)).ToList();
        Assert.True(undescribed.Count == 0, $"{name}: {string.Join(", ", undescribed)} stored but described by no field");
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void AVerifiableEntityIsCheckedAndExportsItsCheck(string name)
    {
        var type = RecordTypes.Named(name)!;
        Assert.Equal(typeof(IVerifiable).IsAssignableFrom(type.EntityType), type.Verifiable);
        Assert.Equal(type.Verifiable, type.Find(Checks.Field) is DerivedField);
        Assert.All(type.CheckedFields, f => Assert.False(f.ExportOnly));
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryFieldNamesAPropertyTheModelMaps(string name)
    {
        var type = RecordTypes.Named(name)!;
        var entity = Model.FindEntityType(type.EntityType)!;
        foreach (var field in type.Fields.OfType<ColumnField>())
        {
            Assert.True(entity.FindProperty(field.Property) is not null, $"{field} names {field.Property}, which {entity.DisplayName()} does not map");
        }
        foreach (var field in type.Fields.OfType<ReferenceField>())
        {
            // A reference is read through its foreign key's navigation, to the target's key.
            Assert.NotNull(entity.GetForeignKeys().SingleOrDefault(f => f.Properties is [var p] && p.Name == field.Property && f.PrincipalEntityType.ClrType == field.Target.EntityType));
        }
        foreach (var list in type.Fields.OfType<ListField>())
        {
            var links = Model.FindEntityType(list.LinkType);
            Assert.True(links is not null, $"{list}: {list.LinkType.Name} is not in the model");
            Assert.NotNull(links.FindProperty(list.OwnerProperty));
            if (list is IReferenceList written)
            {
                // A list the editors write: every column of its rows is its owner, its item or its role.
                var columns = links.GetProperties().Select(p => p.Name)
                    .Where(p => p != list.OwnerProperty && p != written.ItemProperty && p != written.RoleProperty).ToList();
                Assert.True(columns.Count == 0, $"{list}: {string.Join(", ", columns)} of {list.LinkType.Name} described by nothing");
            }
        }
    }

    [Fact]
    public void EveryEditedTableOfTheModelIsARecordType()
    {
        var records = Model.GetEntityTypes().Where(e => typeof(IRecord).IsAssignableFrom(e.ClrType)).Select(e => e.ClrType).ToHashSet();
        Assert.Equal(records.OrderBy(t => t.Name), RecordTypes.All.Select(t => t.EntityType).OrderBy(t => t.Name));
    }

    [Fact]
    public void ReferencesPointBackwardsInTheImportOrder()
    {
        var order = RecordTypes.All.ToList();
        foreach (var type in order)
        {
            foreach (var target in type.Fields.OfType<ReferenceField>().Select(f => f.Target))
            {
                Assert.True(order.IndexOf(target) < order.IndexOf(type), $"{type} refers to {target}, which is imported after it");
            }
        }
    }
}
