namespace PeaceTalks.Web.Data;

/// <summary>Length limits, shared by the model, the CSV importer's messages and the forms.</summary>
public static class FieldLimits
{
    public const int Slug = 100;
    public const int Name = 200;
    public const int Side = 60;
    public const int Url = 2000;
    public const int Summary = 2000;
    public const int Text = 20_000;

    /// <summary>A plan point's number as printed: "7", "10 b", "Annex II.3".</summary>
    public const int PointNumber = 24;

    /// <summary>A pasted report (/intake): long features fit; a book does not.</summary>
    public const int ArticleText = 200_000;
}
