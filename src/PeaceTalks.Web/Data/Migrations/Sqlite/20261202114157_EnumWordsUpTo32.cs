using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PeaceTalks.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class EnumWordsUpTo32 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
