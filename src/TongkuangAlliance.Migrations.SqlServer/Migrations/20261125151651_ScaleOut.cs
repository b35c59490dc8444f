using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace TongkuangAlliance.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ScaleOut : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Cases_Number",
                table: "Cases");

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "SubDistricts",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "Pairings",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "MemberUnits",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "MediationSessions",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "Grids",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "FollowUps",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "Compounds",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "Communities",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "Cases",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "CaseParties",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "CaseCategories",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "Buildings",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.AddColumn<byte[]>(
                name: "RowVersion",
                table: "AgreementTerms",
                type: "rowversion",
                rowVersion: true,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    FriendlyName = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    Xml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.AddCheckConstraint(
                name: "CK_Cases_Number",
                table: "Cases",
                sql: "\"Number\" <> ''");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Cases_Number",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "SubDistricts");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Pairings");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "MemberUnits");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "MediationSessions");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Grids");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "FollowUps");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Compounds");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Communities");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "CaseCategories");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "Buildings");

            migrationBuilder.DropColumn(
                name: "RowVersion",
                table: "AgreementTerms");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Cases_Number",
                table: "Cases",
                sql: "Number <> ''");
        }
    }
}
