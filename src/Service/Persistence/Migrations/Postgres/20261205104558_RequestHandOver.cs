using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Koostoo.Service.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class RequestHandOver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "HandedOverAt",
                table: "step_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HandedOverToId",
                table: "step_requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_step_requests_HandedOverToId",
                table: "step_requests",
                column: "HandedOverToId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_step_requests_HandedOverToId",
                table: "step_requests");

            migrationBuilder.DropColumn(
                name: "HandedOverAt",
                table: "step_requests");

            migrationBuilder.DropColumn(
                name: "HandedOverToId",
                table: "step_requests");
        }
    }
}
